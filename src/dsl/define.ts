import type { Cluster } from './types.js';

/**
 * A cluster, checked as you type: unknown keys, durations without a unit, addresses without a prefix, and node or NIC
 * names that `nodes` does not define are compile errors. The node and NIC names are inferred from `nodes` only
 * (`NoInfer` elsewhere), so a reference cannot widen them. Returns the cluster unchanged: the plain model YAML
 * stacks describe too.
 *
 * @example
 * export default defineCluster({
 *   cluster: 'web', runtime: 'agent',
 *   nodes: { web1: node({ eth0: '10.0.0.11/24' }), web2: node({ eth0: '10.0.0.12/24' }) },
 *   resources: [group('web', [vip('10.0.0.100/24', 'eth0')], { preferred: 'web1' })],
 * });
 */
export function defineCluster<const NodeName extends string, const NicName extends string>(
  cluster: Cluster<NoInfer<NodeName>, NoInfer<NicName>, NodeName, NicName>,
): Cluster {
  return cluster as Cluster;
}
