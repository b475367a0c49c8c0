import { execa } from 'execa';

// Root's tools (iptables-restore, corosync, crm_verify) live in sbin, which a plain user's PATH may lack.
const SBIN = '/usr/sbin:/sbin';

/** Whether a program is installed on this machine: `command -v`, as the shell that would run it finds it. */
export async function onPath(binary: string): Promise<boolean> {
  const { exitCode } = await execa('sh', ['-c', 'command -v "$1"', 'sh', binary], { reject: false, env: { PATH: `${process.env.PATH ?? ''}:${SBIN}` } });
  return exitCode === 0;
}
