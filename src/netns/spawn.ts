import { spawn as spawnChild } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LabError } from './errors.js';
import { logDir } from './names.js';
import { isRunning, processStartTime } from './proc.js';
import { labPath } from './run.js';
import { updateState } from './state.js';

export interface SpawnOptions {
  env?: Record<string, string>;
  /** host path receiving stdout and stderr (appended); default `<labDir>/logs/<member>/<program>.log` */
  logFile?: string;
}

export interface LabProcess {
  pid: number;
  logFile: string;
  kill(signal?: NodeJS.Signals): boolean;
  exited: Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>;
  /** let this Node process exit while the daemon keeps running (it stays tracked in the state file) */
  unref(): void;
}

/**
 * Starts a long-running program inside a member. nsenter execs the program in place (no fork for net/mount/uts),
 * so the PID returned is the daemon's own; it runs in its own session so a terminal's Ctrl-C does not reach it.
 */
export function spawnTracked(lab: string, member: string, enter: readonly string[], argv: readonly string[], opts: SpawnOptions = {}): LabProcess {
  const [program] = argv;
  if (!program) throw new LabError('lab-command-failed', 'spawn needs a program');
  const logFile = opts.logFile ?? join(logDir(lab, member), `${basename(program)}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  const [file = 'nsenter', ...enterArgs] = enter;
  const child = (() => {
    try {
      return spawnChild(file, [...enterArgs, ...argv], {
        detached: true,
        stdio: ['ignore', fd, fd],
        env: { ...process.env, ...opts.env, PATH: labPath(opts.env?.PATH ?? process.env.PATH) },
      });
    } finally {
      closeSync(fd);
    }
  })();
  const pid = child.pid;
  if (pid === undefined) throw new LabError('lab-command-failed', `could not start ${argv.join(' ')} in ${member}`);
  const startTime = processStartTime(pid) ?? '';
  // Entries of processes that died after their starter exited (nobody saw the exit) go now: the state then lists
  // what runs, so "the daemon of node X" is never a dead PID that a later kill would miss.
  updateState(lab, (s) => {
    s.processes = [...s.processes.filter(isRunning), { pid, startTime, member, argv: [...argv] }];
  });

  const exited = new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (exitCode, signal) => {
      updateState(lab, (s) => { s.processes = s.processes.filter((p) => !(p.pid === pid && p.startTime === startTime)); });
      resolve({ exitCode, signal });
    });
    child.once('error', () => resolve({ exitCode: null, signal: null }));
  });
  return {
    pid, logFile, exited,
    kill: (signal = 'SIGTERM') => child.kill(signal),
    unref: () => child.unref(),
  };
}
