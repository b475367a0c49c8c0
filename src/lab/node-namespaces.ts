import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabLayout, LayoutMember } from './layout.js';
import { LAB_BASE_DIR, NETNS_DIR, labDir, mntNsFile, netnsPath, nodeRootDir, sshDir, utsNsFile } from './names.js';
import { privateDirsOf } from './node-root.js';
import { run } from './run.js';

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

// The new mount namespace starts as a copy of the host's, including bind-mounted namespace files (/run/netns/*)
// and other labs' directories. A private copy would keep those namespaces and tmpfs alive after their owners
// delete them, so they are detached first (this lab's own directory stays: the node's files come from it).
// mountinfo field 5 is the mount point; the fstype follows the lone '-' separator.
const detachForeignMounts = (ownDir: string): string => `awk -v labs=${quote(`${LAB_BASE_DIR}/`)} -v own=${quote(ownDir)} '
  { for (i = 7; i <= NF; i++) if ($i == "-") break;
    if ($(i + 1) == "nsfs" || $5 == "${NETNS_DIR}" || (index($5, labs) == 1 && $5 != own)) print $5 }' /proc/self/mountinfo |
  while read -r m; do umount -l "$(printf '%b' "$m")" 2>/dev/null || true; done`;

function setupScript(layout: LabLayout, member: LayoutMember): string {
  const root = nodeRootDir(layout.name, member.name);
  // One command per line: `set -e` ignores a failure on the left of `&&`.
  const bind = (src: string, dst: string): string => `mkdir -p ${quote(dst)}\nmount --bind ${quote(src)} ${quote(dst)}`;
  const sharedSsh = join(root, sshDir(layout.name));
  const varRunIsDir = lstatSync('/var/run', { throwIfNoEntry: false })?.isDirectory() ?? false;
  return [
    'set -e',
    `hostname ${quote(member.name)}`,
    detachForeignMounts(labDir(layout.name)),
    // /sys shows the interfaces of the namespace that mounts it: remount it from inside the node's netns.
    'umount -l /sys',
    'mount -t sysfs -o nosuid,nodev,noexec sysfs /sys',
    bind(join(root, 'etc'), '/etc'),
    ...privateDirsOf(member).map((dir) => bind(join(root, dir), dir)),
    // The lab key and known_hosts stay reachable at the same path inside every node, read-only.
    bind(sshDir(layout.name), sharedSsh),
    `mount -o remount,bind,ro ${quote(sharedSsh)}`,
    `mount --rbind ${quote(join(root, 'run'))} /run`,
    ...(varRunIsDir ? [`mount --rbind ${quote(join(root, 'run'))} /var/run`] : []),
  ].join('\n');
}

/**
 * Why bind-mounted namespace files rather than a holder process per node: the mount and UTS namespaces then live
 * exactly as long as their files under the lab's ns dir (like `ip netns` does for network namespaces), nothing has
 * to be babysat or can die and take the node's filesystem with it, a crashed creator leaves nothing running, and
 * every later `nsenter --net --mount --uts` (exec, spawn, sshd, the agent, another process) enters the same node.
 */
export async function createNodeNamespaces(layout: LabLayout, member: LayoutMember): Promise<void> {
  const mnt = mntNsFile(layout.name, member.name);
  const uts = utsNsFile(layout.name, member.name);
  writeFileSync(mnt, '');
  writeFileSync(uts, '');
  mkdirSync(sshDir(layout.name), { recursive: true, mode: 0o700 });
  await run([
    'nsenter', `--net=${netnsPath(member.netns)}`,
    'unshare', `--mount=${mnt}`, `--uts=${uts}`, '--propagation', 'private',
    'sh', '-c', setupScript(layout, member),
  ]);
}
