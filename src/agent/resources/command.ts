import { spawn } from 'node:child_process';
import type { Command } from '../config/index.js';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface RunOptions {
  timeoutMs: number;
  env?: Record<string, string>;
  cwd?: string;
}

const MAX_OUTPUT = 64 * 1024;

export function argvOf(cmd: Command): string[] {
  return typeof cmd === 'string' ? ['/bin/sh', '-c', cmd] : cmd;
}

export function describeCommand(cmd: Command): string {
  return typeof cmd === 'string' ? cmd : cmd.join(' ');
}

/**
 * Runs a command in its own process group so a timeout kills everything it started. Resolves on exit, not on
 * pipe close: an init script's daemon may keep our stdout open forever.
 */
export function runCommand(cmd: Command, opts: RunOptions): Promise<RunResult> {
  const argv = argvOf(cmd);
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const child = spawn(argv[0]!, argv.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, LC_ALL: 'C', ...opts.env },
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
    });
    child.stdout!.on('data', (d: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += d.toString();
    });
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, opts.timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout!.destroy();
      child.stderr!.destroy();
      resolve({ code, signal, stdout, stderr, timedOut });
    };
    child.on('error', (err) => {
      stderr += err.message;
      finish(127, null);
    });
    child.on('exit', (code, signal) => {
      // Output written just before exit may still sit in the pipe; a short wait for 'close' collects it.
      const grace = setTimeout(() => finish(code, signal), 100);
      child.once('close', () => {
        clearTimeout(grace);
        finish(code, signal);
      });
    });
  });
}

/** One line for logs and failed actions. */
export function summarize(r: RunResult): string {
  if (r.timedOut) return 'timed out';
  const out = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-1)[0] ?? '';
  const status = r.signal ? `killed by ${r.signal}` : `exit ${r.code}`;
  return out ? `${status}: ${out.slice(0, 200)}` : status;
}
