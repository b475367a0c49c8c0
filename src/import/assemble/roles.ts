import type { ClusterModel } from '../../model/model.js';
import { normalize } from '../../model/normalize.js';
import type { ClusterInput } from '../../model/cluster.js';
import type { Draft } from './draft.js';

/**
 * NIC roles the stack must declare: where hactl's model on the node gives a NIC a role the draft would not derive
 * (a NIC marked `both`, a service NIC the heartbeat also uses), the role is written out.
 */
export function declareRoles(draft: Draft, hint: ClusterModel | undefined): void {
  if (!hint) return;
  let derived: ClusterModel;
  try {
    derived = normalize(draft as ClusterInput);
  } catch {
    return;
  }
  for (const node of hint.nodes) {
    const mine = derived.nodes.find((n) => n.name === node.name);
    for (const nic of node.nics) {
      const d = mine?.nics.find((n) => n.name === nic.name);
      const input = draft.nodes[node.name]?.nics[nic.name];
      if (!d || !input || d.role === nic.role || d.address !== nic.address) continue;
      draft.nodes[node.name]!.nics[nic.name] = { ...(typeof input === 'string' ? { address: input } : input), role: nic.role };
    }
  }
}
