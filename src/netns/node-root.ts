import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabLayout, LayoutMember } from './layout.js';
import { LAB_BASE_DIR, NETNS_DIR, nodeRootDir } from './names.js';
import { run } from './run.js';
import { copyDirSkeleton } from './skeleton.js';

/**
 * Directories every node gets privately (besides /etc, a full copy, and /run): the fixed paths heartbeat,
 * pacemaker, corosync and the agent write to, so two nodes on one host never share state, logs or sockets.
 */
export const NODE_PRIVATE_DIRS = ['/tmp', '/var/log', '/var/lib/heartbeat', '/var/lib/pacemaker', '/var/lib/corosync', '/var/lib/hactl'];

export function privateDirsOf(member: LayoutMember): string[] {
  return [...new Set([...NODE_PRIVATE_DIRS, ...member.privateDirs])];
}

function hostsFile(layout: LabLayout): string {
  const lines = ['127.0.0.1\tlocalhost', `# hactl lab ${layout.name}`];
  for (const member of layout.members) {
    member.nics.forEach((nic, i) => {
      const names = [...(i === 0 ? [member.name] : []), `${member.name}-${nic.network}`];
      lines.push(`${nic.address}\t${names.join(' ')}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

// With `UsePAM no` sshd refuses accounts whose password field starts with '!' (locked); '*' still refuses
// passwords but lets the lab key in. Only the node's private copy is changed.
function unlockRootForKeys(shadowPath: string): void {
  if (!existsSync(shadowPath)) return;
  const text = readFileSync(shadowPath, 'utf8');
  writeFileSync(shadowPath, text.replace(/^root:!+[^:]*:/m, 'root:*:'));
}

function personalizeEtc(etc: string, layout: LabLayout, member: LayoutMember): void {
  writeFileSync(join(etc, 'hostname'), `${member.name}\n`);
  writeFileSync(join(etc, 'hosts'), hostsFile(layout));
  writeFileSync(join(etc, 'machine-id'), `${randomBytes(16).toString('hex')}\n`);
  rmSync(join(etc, 'netns'), { recursive: true, force: true });
  const sshDir = join(etc, 'ssh');
  if (existsSync(sshDir)) {
    for (const f of readdirSync(sshDir)) if (f.startsWith('ssh_host_')) rmSync(join(sshDir, f), { force: true });
  }
  unlockRootForKeys(join(etc, 'shadow'));
}

/** Builds the directory tree the node's private mounts come from; the host reads and writes the node's files here. */
export async function prepareNodeRoot(layout: LabLayout, member: LayoutMember): Promise<string> {
  const root = nodeRootDir(layout.name, member.name);
  mkdirSync(root, { recursive: true });
  await run(['cp', '-a', '/etc', join(root, 'etc')], { timeoutMs: 60_000 });
  personalizeEtc(join(root, 'etc'), layout, member);

  copyDirSkeleton('/run', join(root, 'run'), new Set([NETNS_DIR, '/run/hactl', LAB_BASE_DIR]));
  mkdirSync(join(root, 'run', 'sshd'), { recursive: true, mode: 0o755 });
  for (const dir of privateDirsOf(member)) {
    if (dir === '/tmp') mkdirSync(join(root, dir), { recursive: true });
    else copyDirSkeleton(dir, join(root, dir));
  }
  chmodSync(join(root, 'tmp'), 0o1777);
  return root;
}
