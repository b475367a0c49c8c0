import type { ClusterModel } from '../model/model.js';
import { RuntimeError } from './errors.js';

/**
 * The top-level resource an operator means: a group by its name, or the group a member belongs to (crm resource move
 * takes either; moving a member alone would split its group), or a standalone primitive.
 */
export function resolveGroup(model: ClusterModel, name: string): string {
  for (const r of model.resources) {
    if (r.name === name) return r.name;
    if (r.kind === 'group' && r.members.some((m) => m.name === name)) return r.name;
    if (r.kind === 'drbd' && r.master.name === name) return r.master.name;
  }
  for (const v of model.vrrp) if (v.name === name) return v.name;
  const known = [...model.resources.map((r) => r.name), ...model.vrrp.map((v) => v.name)];
  throw new RuntimeError('runtime-unknown-target', `no group or resource named ${JSON.stringify(name)} (known: ${known.join(', ') || 'none'})`);
}

export function resolveNode(model: ClusterModel, name: string): string {
  if (model.nodes.some((n) => n.name === name)) return name;
  throw new RuntimeError('runtime-unknown-target', `no node named ${JSON.stringify(name)} (nodes: ${model.nodes.map((n) => n.name).join(', ')})`);
}
