import type { ClusterModel } from '../model/model.js';
import type { CheckerId, RenderedFile } from '../render/artifact.js';

/**
 * Nodes where a restart moves traffic: keepalived MASTERs (a BACKUP restarting first never takes a VIP away) and
 * the preferred node of a group. They get their services reloaded after every other node.
 */
export function primaryNodes(model: ClusterModel): Set<string> {
  const primaries = new Set<string>();
  for (const v of model.vrrp) for (const n of v.nodes) if (n.state === 'MASTER') primaries.add(n.node);
  for (const r of model.resources) if (r.kind === 'group' && r.preferred) primaries.add(r.preferred);
  return primaries;
}

/** Node names, secondaries first; the limiter is FIFO, so every secondary starts before a primary waits on them. */
export function nodeOrder(model: ClusterModel, nodes: readonly string[]): { secondaries: string[]; primaries: string[] } {
  const primaries = primaryNodes(model);
  return { secondaries: nodes.filter((n) => !primaries.has(n)), primaries: nodes.filter((n) => primaries.has(n)) };
}

// Main configs are checked by their tool against what is already in place (keepalived -e fails on a missing
// include, haresources needs ha.cf), so scripts and plain files go in before the configs that name them.
const CHECKED_LAST: readonly CheckerId[] = ['keepalived', 'corosync', 'heartbeat', 'drbd', 'cib', 'crmsh', 'iptables', 'apache', 'agent'];

export function writeOrder<T extends { file: Pick<RenderedFile, 'path' | 'checker'> }>(items: readonly T[]): T[] {
  const rank = (c: CheckerId | undefined): number => (c && CHECKED_LAST.includes(c) ? 1 : 0);
  return [...items].sort((a, b) => rank(a.file.checker) - rank(b.file.checker) || a.file.path.localeCompare(b.file.path));
}
