import { execa } from 'execa';
import { LabError } from './errors.js';

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
  /** return a non-zero exit instead of throwing */
  allowFailure?: boolean;
  env?: Record<string, string | undefined>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
// The lab calls ip, nsenter, mount and sshd; a non-login root shell may lack the sbin directories.
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function labPath(current = process.env.PATH): string {
  return current && current.includes('/usr/sbin') ? current : [current, SYSTEM_PATH].filter(Boolean).join(':');
}

/** Runs a host command with a deadline; every lab step goes through here so none can hang. */
export async function run(argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const [file, ...args] = argv;
  if (!file) throw new LabError('lab-command-failed', 'empty command');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const stdin = opts.input === undefined ? { stdin: 'ignore' as const } : { input: opts.input };
  const result = await execa(file, args, {
    ...stdin,
    timeout: timeoutMs,
    reject: false,
    env: { ...opts.env, PATH: labPath(opts.env?.PATH ?? process.env.PATH) },
  });
  if (result.timedOut) {
    throw new LabError('lab-timeout', `${argv.join(' ')} did not finish within ${timeoutMs} ms`);
  }
  if (result.exitCode === undefined) {
    throw new LabError('lab-command-failed', `${argv.join(' ')} could not run: ${result.shortMessage}`, { cause: result.cause });
  }
  if (result.exitCode !== 0 && !opts.allowFailure) {
    const detail = result.stderr.trim() || result.stdout.trim();
    throw new LabError('lab-command-failed', `${argv.join(' ')} exited ${result.exitCode}${detail ? `: ${detail}` : ''}`);
  }
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
}
