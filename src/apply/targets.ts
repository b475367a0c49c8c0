import type { ClusterModel } from '../model/model.js';
import { CLUSTER_SCOPE, type RenderedFile } from '../render/artifact.js';

/** The files that go to one place: a node's own files, or the cluster-wide ones applied once via `via`. */
export interface ApplyTarget {
  /** node name, or CLUSTER_SCOPE */
  node: string;
  scope: 'node' | 'cluster';
  /** the node whose transport carries the files */
  via: string;
  files: RenderedFile[];
  /** the stack's users, ensured on node targets before their files (which they may own) */
  users: ClusterModel['users'];
}

/**
 * Node targets in model order, then the cluster target on the first node (after every node file). Files of other
 * scopes (the Vagrantfile's '_vagrant') belong to the host running hactl and are never pushed.
 */
export function applyTargets(model: ClusterModel, files: readonly RenderedFile[]): ApplyTarget[] {
  const targets: ApplyTarget[] = [];
  for (const node of model.nodes) {
    const mine = files.filter((f) => f.node === node.name);
    if (mine.length) targets.push({ node: node.name, scope: 'node', via: node.name, files: mine, users: model.users });
  }
  const cluster = files.filter((f) => f.node === CLUSTER_SCOPE);
  const first = model.nodes[0];
  if (cluster.length && first) targets.push({ node: CLUSTER_SCOPE, scope: 'cluster', via: first.name, files: cluster, users: [] });
  return targets;
}
