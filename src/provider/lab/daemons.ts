import type { Lab, Resident } from '../../netns/index.js';
import { LabError } from '../../netns/errors.js';
import type { DaemonControl, DaemonSpec } from '../../runtime/runtime.js';
import { memberName } from './lab-spec.js';

const STOP_GRACE_MS = 60_000;

/**
 * A daemon's processes in a node: the roots (its executable, not started by another of its own processes) and every
 * descendant. Found in the node's namespace by executable, not by tracked PID alone: heartbeat re-executes itself
 * under a new PID when a partition heals, and forks workers whose command lines it rewrites.
 */
export function daemonProcesses(lab: Lab, node: string, spec: DaemonSpec): { roots: Resident[]; all: Resident[] } {
  const residents = lab.residents(memberName(node));
  const own = (r: Resident) => r.exe === spec.exe && (spec.marker === undefined || r.argv.includes(spec.marker));
  const pids = new Set(residents.filter(own).map((r) => r.pid));
  const roots = residents.filter((r) => own(r) && !pids.has(r.ppid));
  const all = new Map(roots.map((r) => [r.pid, r]));
  for (let grew = true; grew;) {
    grew = false;
    for (const r of residents) {
      if (!all.has(r.pid) && all.has(r.ppid)) {
        all.set(r.pid, r);
        grew = true;
      }
    }
  }
  return { roots, all: [...all.values()] };
}

function signal(pids: readonly number[], sig: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      // gone already
    }
  }
}

async function waitGone(lab: Lab, node: string, spec: DaemonSpec, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (daemonProcesses(lab, node, spec).roots.length === 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Lab nodes have no init system: daemons run in the foreground under the lab, which records their PIDs. */
export function labDaemons(lab: Lab): DaemonControl {
  return {
    async start(node, spec) {
      if (daemonProcesses(lab, node, spec).roots.length > 0) return;
      if (spec.prepare) {
        const r = await lab.exec(memberName(node), ['sh', '-c', spec.prepare]);
        if (r.exitCode !== 0) throw new LabError('lab-command-failed', `${node}: preparing ${spec.name} failed: ${r.stderr.trim() || `exit ${r.exitCode}`}`);
      }
      lab.spawn(memberName(node), spec.foreground, spec.env ? { env: spec.env } : {}).unref();
    },
    // SIGTERM to the daemon's own processes, as its service stop does (it hands over what it holds), then SIGKILL
    async stop(node, spec) {
      signal(daemonProcesses(lab, node, spec).roots.map((r) => r.pid), spec.stopSignal ?? 'SIGTERM');
      if (await waitGone(lab, node, spec, STOP_GRACE_MS)) return;
      signal(daemonProcesses(lab, node, spec).all.map((r) => r.pid), 'SIGKILL');
      await waitGone(lab, node, spec, 5_000);
    },
    async running(node, spec) {
      return daemonProcesses(lab, node, spec).roots.length > 0;
    },
    // a crash: every process of the daemon stopped first (so none reacts to a sibling's death), then killed at once
    async kill(node, spec) {
      const { all } = daemonProcesses(lab, node, spec);
      signal(all.map((r) => r.pid), 'SIGSTOP');
      signal(all.map((r) => r.pid), 'SIGKILL');
      await waitGone(lab, node, spec, 5_000);
    },
  };
}
