import { readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TrackedProcess } from './state.js';

interface ProcStat { state: string; startTime: string }

function readProcStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name may contain spaces and parentheses: fields are counted after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTime = fields[19];
  return state && startTime ? { state, startTime } : undefined;
}

export function processStartTime(pid: number): string | undefined {
  return readProcStat(pid)?.startTime;
}

/** Alive and still the process we started (zombies count as gone: they hold no namespace and cannot be killed). */
export function isRunning(p: Pick<TrackedProcess, 'pid' | 'startTime'>): boolean {
  const stat = readProcStat(p.pid);
  return stat !== undefined && stat.startTime === p.startTime && stat.state !== 'Z' && stat.state !== 'X';
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

async function waitUntilGone(list: Pick<TrackedProcess, 'pid' | 'startTime'>[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (list.some(isRunning) && Date.now() < deadline) await sleep(20);
}

/** SIGTERM, a grace period, then SIGKILL: only PIDs whose start time still matches what the lab recorded. */
export async function stopTracked(list: TrackedProcess[], graceMs: number): Promise<number[]> {
  const running = list.filter(isRunning);
  for (const p of running) signal(p.pid, 'SIGTERM');
  await waitUntilGone(running, graceMs);
  const stubborn = running.filter(isRunning);
  for (const p of stubborn) signal(p.pid, 'SIGKILL');
  await waitUntilGone(stubborn, 2_000);
  return running.map((p) => p.pid);
}

/** `dev:ino` of a namespace file or /proc/PID/ns link: the identity of the namespace itself. */
export function namespaceKey(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

/** Every process (but this one) living in one of the namespaces, whoever started it. */
export function processesInNamespaces(keys: ReadonlySet<string>): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    for (const kind of ['net', 'mnt', 'uts']) {
      const key = namespaceKey(`/proc/${pid}/ns/${kind}`);
      if (key && keys.has(key)) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}

/**
 * Daemons fork (sshd sessions, resource scripts) and those children are not tracked: anything still living in one
 * of the lab's namespaces is SIGKILLed, so no process keeps a namespace (and its veths) alive after destroy.
 */
export async function killNamespaceResidents(
  keys: ReadonlySet<string>,
  timeoutMs: number,
): Promise<{ killed: number[]; survivors: number[] }> {
  const killed = new Set<number>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const residents = processesInNamespaces(keys);
    if (residents.length === 0 || Date.now() > deadline) return { killed: [...killed], survivors: residents };
    for (const pid of residents) {
      signal(pid, 'SIGKILL');
      killed.add(pid);
    }
    await sleep(20);
  }
}

/** A process found in a namespace: identity (PID + start time), parent, executable and command line. */
export interface Resident {
  pid: number;
  ppid: number;
  startTime: string;
  /** what /proc/PID/exe points at: stays right when a daemon rewrites its command line (heartbeat does) */
  exe: string;
  argv: string[];
}

/** The processes living in one namespace (a daemon that re-executed itself has a new PID, but lives there too). */
export function residentsOf(key: string): Resident[] {
  return processesInNamespaces(new Set([key])).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a.length > 0);
      const exe = readlinkSync(`/proc/${pid}/exe`);
      return fields[0] === 'Z' ? [] : [{ pid, ppid: Number(fields[1]), startTime: fields[19] ?? '', exe, argv }];
    } catch {
      return [];
    }
  });
}
