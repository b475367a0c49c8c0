import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { LayoutMember } from './layout.js';
import { privateDirsOf } from './node-root.js';

export interface SharedPath {
  path: string;
  kind: 'dir' | 'file';
}

const isUnder = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);

// Installed as a dependency, hactl's own dependencies sit next to it in the enclosing node_modules, not inside it.
function installRoot(root: string): string {
  const parent = dirname(root);
  if (basename(parent) === 'node_modules') return parent;
  if (basename(parent).startsWith('@') && basename(dirname(parent)) === 'node_modules') return dirname(parent);
  return root;
}

/**
 * hactl's own files as the host sees them: the package (with its node_modules) and the node binary running it.
 * Nodes run hactl (the agent, test helpers) from these very paths, so they must exist there inside every node.
 */
export function hactlPaths(): SharedPath[] {
  const paths: SharedPath[] = [{ path: installRoot(packageRoot()), kind: 'dir' }, { path: process.execPath, kind: 'file' }];
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => q.kind === 'dir' && isUnder(p.path, q.path)) && statSync(p.path, { throwIfNoEntry: false }));
}

/**
 * The paths among `candidates` that a node would not see: they live below a directory the node gets privately
 * (/tmp, /var/log, ... over-mounted; /etc and /run copies taken at creation). Those are bind-mounted back, read-only.
 */
export function hiddenIn(member: LayoutMember, candidates: readonly SharedPath[]): SharedPath[] {
  if (!member.isolateFs) return [];
  const privateDirs = ['/etc', '/run', '/var/run', ...privateDirsOf(member)];
  return candidates.filter((c) => privateDirs.some((dir) => isUnder(c.path, dir)));
}
