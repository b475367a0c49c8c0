import { execa } from 'execa';
import { ShellTransport, TIMED_OUT, type RawExec } from '../shell-transport.js';
import type { Transport } from '../transport.js';

export interface LocalTransportOptions {
  node: string;
  /** every node path is written below this directory; '/' writes the real files of this machine */
  root: string;
  /**
   * Let this machine's tools (keepalived -t, ...) judge staged files. Default: only when root is '/'; under a
   * prefix they would judge against this host's paths (a missing /var/log/cluster fails corosync -t).
   */
  nodeTools?: boolean;
}

const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** `sh -c` on this machine (the lab transport runs it through nsenter into a node). */
export const localExec: RawExec = async (command, input, timeoutMs) => {
  const r = await execa('sh', ['-c', command], {
    ...(input === undefined ? { stdin: 'ignore' as const } : { input }),
    encoding: 'buffer',
    stripFinalNewline: false,
    reject: false,
    ...(timeoutMs ? { timeout: timeoutMs } : {}),
    env: { PATH: `${process.env.PATH ?? ''}:${SYSTEM_PATH}` },
  });
  if (r.timedOut) return { stdout: Buffer.from(r.stdout), stderr: `timed out after ${timeoutMs} ms`, code: TIMED_OUT };
  if (r.exitCode === undefined) throw new Error(`sh could not run: ${r.shortMessage}`);
  return { stdout: Buffer.from(r.stdout), stderr: Buffer.from(r.stderr).toString('utf8'), code: r.exitCode };
};

/** For `--local` and tests: the same atomic protocol as over SSH, on this machine under a root prefix. */
export function localTransport(opts: LocalTransportOptions): Transport {
  return new ShellTransport({
    node: opts.node, target: `local:${opts.root}`, exec: localExec, root: opts.root,
    ...(opts.nodeTools === undefined ? {} : { nodeTools: opts.nodeTools }),
  });
}
