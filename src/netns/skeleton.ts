import { chmodSync, chownSync, lchownSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Copies directories and symlinks with their owner and mode, never files: daemons find the directories they expect
 * (e.g. /var/lib/pacemaker/cib owned by hacluster) without inheriting host state such as heartbeat's hb_uuid.
 */
export function copyDirSkeleton(src: string, dst: string, exclude: ReadonlySet<string> = new Set()): void {
  let st;
  try {
    st = lstatSync(src);
  } catch {
    mkdirSync(dst, { recursive: true });
    return;
  }
  if (!st.isDirectory()) return;
  mkdirSync(dst, { recursive: true });
  chownSync(dst, st.uid, st.gid);
  chmodSync(dst, st.mode & 0o7777);
  for (const entry of readdirSync(src, { withFileTypes: true })) {
    const from = join(src, entry.name);
    const to = join(dst, entry.name);
    if (exclude.has(from)) continue;
    if (entry.isDirectory()) {
      copyDirSkeleton(from, to, exclude);
    } else if (entry.isSymbolicLink()) {
      const link = lstatSync(from);
      symlinkSync(readlinkSync(from), to);
      lchownSync(to, link.uid, link.gid);
    }
  }
}
