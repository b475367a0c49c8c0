import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LabLayout, LayoutMember } from './layout.js';
import { LAB_BASE_DIR, NETNS_DIR, labDir, mntNsFile, netnsPath, nodeRootDir, sharedStageDir, sshDir, utsNsFile } from './names.js';
import { privateDirsOf } from './node-root.js';
import { run } from './run.js';
import type { SharedPath } from './shared-paths.js';

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

// The new mount namespace starts as a copy of the host's, including bind-mounted namespace files (/run/netns/*)
// and other labs' directories. A private copy would keep those namespaces and tmpfs alive after their owners
// delete them, so they are detached first (this lab's own directory stays: the node's files come from it).
// mountinfo field 5 is the mount point; the fstype follows the lone '-' separator.
const detachForeignMounts = (ownDir: string): string => `awk -v labs=${quote(`${LAB_BASE_DIR}/`)} -v own=${quote(ownDir)} '
  { for (i = 7; i <= NF; i++) if ($i == "-") break;
    if ($(i + 1) == "nsfs" || $5 == "${NETNS_DIR}" || (index($5, labs) == 1 && $5 != own)) print $5 }' /proc/self/mountinfo |
  while read -r m; do umount -l "$(printf '%b' "$m")" 2>/dev/null || true; done`;

// hactl's own files under a directory the node gets privately (a checkout in /tmp, node under /run/...) would be
// hidden by the node's mounts: each is bound to a staging point while the host's path is still visible, then moved
// onto the same path inside the node, read-only, once the private directories are mounted. The staging points sit in
// the lab's directory under /run, so the moves happen before /run itself is replaced; a path under /run is moved into
// the node's run directory instead, which then becomes the node's /run with its mounts (rbind).
function sharedPathLines(layout: LabLayout, member: LayoutMember, shared: readonly SharedPath[]): { stage: string[]; place: string[] } {
  const root = nodeRootDir(layout.name, member.name);
  const stage: string[] = [];
  const place: string[] = [];
  shared.forEach((p, i) => {
    const at = join(sharedStageDir(layout.name, member.name), String(i));
    const runPath = /^\/(var\/)?run(\/.*)?$/.exec(p.path);
    const target = runPath ? join(root, 'run', runPath[2] ?? '') : p.path;
    const mountPoint = (path: string): string[] =>
      p.kind === 'dir' ? [`mkdir -p ${quote(path)}`] : [`mkdir -p ${quote(dirname(path))}`, `[ -e ${quote(path)} ] || : > ${quote(path)}`];
    stage.push(...mountPoint(at), `mount --bind ${quote(p.path)} ${quote(at)}`);
    place.push(...mountPoint(target), `mount --move ${quote(at)} ${quote(target)}`, `mount -o remount,bind,ro ${quote(target)}`);
  });
  return { stage, place };
}

function setupScript(layout: LabLayout, member: LayoutMember, shared: readonly SharedPath[]): string {
  const root = nodeRootDir(layout.name, member.name);
  // One command per line: `set -e` ignores a failure on the left of `&&`.
  const bind = (src: string, dst: string): string => `mkdir -p ${quote(dst)}\nmount --bind ${quote(src)} ${quote(dst)}`;
  const sharedSsh = join(root, sshDir(layout.name));
  const varRunIsDir = lstatSync('/var/run', { throwIfNoEntry: false })?.isDirectory() ?? false;
  const hactlFiles = sharedPathLines(layout, member, shared);
  return [
    'set -e',
    `hostname ${quote(member.name)}`,
    detachForeignMounts(labDir(layout.name)),
    ...hactlFiles.stage,
    // /sys shows the interfaces of the namespace that mounts it: remount it from inside the node's netns.
    'umount -l /sys',
    'mount -t sysfs -o nosuid,nodev,noexec sysfs /sys',
    bind(join(root, 'etc'), '/etc'),
    ...privateDirsOf(member).map((dir) => bind(join(root, dir), dir)),
    // The lab key and known_hosts stay reachable at the same path inside every node, read-only.
    bind(sshDir(layout.name), sharedSsh),
    `mount -o remount,bind,ro ${quote(sharedSsh)}`,
    ...hactlFiles.place,
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
export async function createNodeNamespaces(layout: LabLayout, member: LayoutMember, shared: readonly SharedPath[] = []): Promise<void> {
  const mnt = mntNsFile(layout.name, member.name);
  const uts = utsNsFile(layout.name, member.name);
  writeFileSync(mnt, '');
  writeFileSync(uts, '');
  mkdirSync(sshDir(layout.name), { recursive: true, mode: 0o700 });
  await run([
    'nsenter', `--net=${netnsPath(member.netns)}`,
    'unshare', `--mount=${mnt}`, `--uts=${uts}`, '--propagation', 'private',
    'sh', '-c', setupScript(layout, member, shared),
  ]);
}
