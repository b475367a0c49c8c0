import { execa } from 'execa';
import { ShellTransport, type RawExec } from '../shell-transport.js';
import type { Transport } from '../transport.js';

export interface LocalTransportOptions {
  node: string;
  /** every node path is written below this directory; '/' writes the real files of this machine */
  root: string;
}

const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const localExec: RawExec = async (command, input) => {
  const r = await execa('sh', ['-c', command], {
    ...(input === undefined ? { stdin: 'ignore' as const } : { input }),
    encoding: 'buffer',
    stripFinalNewline: false,
    reject: false,
    env: { PATH: `${process.env.PATH ?? ''}:${SYSTEM_PATH}` },
  });
  if (r.exitCode === undefined) throw new Error(`sh could not run: ${r.shortMessage}`);
  return { stdout: Buffer.from(r.stdout), stderr: Buffer.from(r.stderr).toString('utf8'), code: r.exitCode };
};

/** For `--local` and tests: the same atomic protocol as over SSH, on this machine under a root prefix. */
export function localTransport(opts: LocalTransportOptions): Transport {
  return new ShellTransport({ node: opts.node, target: `local:${opts.root}`, exec: localExec, root: opts.root });
}
