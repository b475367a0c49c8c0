import { execa } from 'execa';
import { HactlError } from '../diagnostics/index.js';
import { parseMachineLine, type MachineRecord } from './vagrant-machine-readable.js';

export interface VagrantRunOptions {
  /** the directory whose Vagrantfile (and .vagrant state) vagrant uses; '/' for box and plugin commands */
  cwd: string;
  env?: Record<string, string>;
  onRecord?: (record: MachineRecord) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface VagrantRun {
  exitCode: number;
  records: MachineRecord[];
  stdout: string;
  stderr: string;
}

// Checkpoint asks HashiCorp for updates on every call (seconds without internet); colour codes would end up in events.
const QUIET_ENV = { VAGRANT_CHECKPOINT_DISABLE: '1', VAGRANT_NO_COLOR: '1', VAGRANT_FORCE_COLOR: '0' };

/** Runs `vagrant ARGS --machine-readable`, streaming each record as it comes; a non-zero exit is returned, not thrown. */
export async function runVagrant(args: readonly string[], opts: VagrantRunOptions): Promise<VagrantRun> {
  const child = execa('vagrant', [...args, '--machine-readable'], {
    cwd: opts.cwd,
    env: { ...QUIET_ENV, ...opts.env },
    reject: false,
    stdin: 'ignore',
    timeout: opts.timeoutMs ?? 120_000,
    ...(opts.signal ? { cancelSignal: opts.signal } : {}),
  });
  const records: MachineRecord[] = [];
  for await (const line of child) {
    const record = parseMachineLine(String(line));
    if (!record) continue;
    records.push(record);
    opts.onRecord?.(record);
  }
  const result = await child;
  if ((result as { code?: string }).code === 'ENOENT') {
    throw new HactlError('vagrant-missing', 'vagrant is not installed: apt-get install vagrant (Debian 12 brings vagrant 2.3.4 and the vagrant-libvirt plugin)');
  }
  if (result.timedOut) throw new HactlError('vagrant-command-failed', `vagrant ${args.join(' ')} did not finish within ${Math.round((opts.timeoutMs ?? 120_000) / 1000)} s`);
  if (result.isCanceled) throw new HactlError('vagrant-command-failed', `vagrant ${args.join(' ')} was cancelled`);
  return { exitCode: result.exitCode ?? 1, records, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

/** The error vagrant reported (error-exit record), else its stderr's last lines. */
export function failureOf(run: VagrantRun): string {
  const exit = run.records.find((r) => r.type === 'error-exit');
  const text = exit ? exit.data.slice(1).join(',') : run.stderr || run.stdout;
  return text.trim().split('\n').slice(-12).join('\n') || `exit ${run.exitCode}`;
}

export async function mustRunVagrant(args: readonly string[], opts: VagrantRunOptions): Promise<VagrantRun> {
  const run = await runVagrant(args, opts);
  if (run.exitCode !== 0) throw new HactlError('vagrant-command-failed', `vagrant ${args.join(' ')} failed:\n${failureOf(run)}`);
  return run;
}
