import { spawn, type ChildProcess } from 'node:child_process';

export interface ArmedResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * A process started ahead of time that waits for its input on stdin: at takeover the fork and exec (2-5 ms on a
 * loaded host, each) are already paid, and what is left is a pipe write. Runs realtime when the agent is root,
 * like the agent's main thread, so a busy CPU does not delay a takeover.
 */
export class ArmedProcess {
  private child?: ChildProcess;
  private stderr = '';
  private closed = false;

  constructor(private readonly argv: readonly string[]) {}

  /** Starts a waiting process unless one is ready. */
  arm(): void {
    if (this.closed || this.ready()) return;
    const rt = process.getuid?.() === 0 ? ['chrt', '--rr', '10'] : [];
    const argv = [...rt, ...this.argv];
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'ignore', 'pipe'], detached: true, env: { ...process.env, LC_ALL: 'C' } });
    this.stderr = '';
    child.on('error', () => undefined);
    child.stdin!.on('error', () => undefined);
    child.stderr!.on('data', (d: Buffer) => {
      if (this.child === child && this.stderr.length < 2000) this.stderr += d.toString();
    });
    child.unref();
    this.child = child;
  }

  /** Feeds the input and waits for the process to exit; undefined when none was ready (do it the slow way). */
  run(input: string, timeoutMs: number): Promise<ArmedResult> | undefined {
    const child = this.take();
    if (!child) return undefined;
    let stderr = '';
    child.stderr!.removeAllListeners('data');
    child.stderr!.on('data', (d: Buffer) => {
      if (stderr.length < 2000) stderr += d.toString();
    });
    const pending = this.stderr;
    const done = new Promise<ArmedResult>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve({ code: null, signal: 'SIGKILL', stderr: `timed out after ${timeoutMs} ms` });
      }, timeoutMs);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stderr: (pending + stderr).trim() });
      });
    });
    child.stdin!.end(input);
    return done;
  }

  /** Feeds the input without waiting; false when none was ready. */
  trigger(input: string): boolean {
    const child = this.take();
    if (!child) return false;
    child.stderr!.resume();
    child.stdin!.end(input);
    return true;
  }

  /** Closing stdin lets the waiting process end without doing anything. */
  close(): void {
    this.closed = true;
    const child = this.child;
    this.child = undefined;
    child?.stdin?.end();
  }

  private ready(): boolean {
    const c = this.child;
    return c !== undefined && c.exitCode === null && c.signalCode === null && c.stdin?.writable === true;
  }

  private take(): ChildProcess | undefined {
    if (!this.ready()) return undefined;
    const child = this.child!;
    this.child = undefined;
    return child;
  }
}

/** Single-quotes a value for /bin/sh. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
