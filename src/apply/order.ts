import type { ClusterModel } from '../model/model.js';
import type { RenderedFile } from '../render/artifact.js';
import { checkerFor } from '../tool-check/registry.js';

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

/** Scripts and plain files first: a main config's tool may check it against them (see Checker.writeLast). */
export function writeOrder<T extends { file: Pick<RenderedFile, 'path' | 'checker'> }>(items: readonly T[]): T[] {
  const rank = (f: Pick<RenderedFile, 'path' | 'checker'>): number => {
    const checker = checkerFor(f.checker);
    // a file the tool only reads (corosync's authkey) goes in place before the config that names it
    return checker?.writeLast && (checker.onNode?.judges?.(f.path) ?? true) ? 1 : 0;
  };
  return [...items].sort((a, b) => rank(a.file) - rank(b.file) || a.file.path.localeCompare(b.file.path));
}
