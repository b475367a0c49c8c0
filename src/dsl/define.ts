import type { ResourceName } from './names.js';
import type { AbsPath, Cluster, Ipv4Cidr } from './types.js';

/**
 * A cluster, checked as you type: unknown keys, durations without a unit, addresses without a prefix, and names that
 * the stack does not define are compile errors — nodes and NICs (inferred from `nodes`), the resources constraints
 * refer to (inferred from `resources`, derived names such as `vip_10_0_0_1` and `ms_drbd0` included) and VRRP track
 * scripts (inferred from `keepalived.scripts`). Each name is inferred only where it is defined (`NoInfer` where it is
 * used), so a wrong reference cannot widen it. Returns the cluster unchanged: the plain model YAML stacks describe too.
 *
 * @example
 * export default defineCluster({
 *   cluster: 'web', runtime: 'agent',
 *   nodes: { web1: node({ eth0: '10.0.0.11/24' }), web2: node({ eth0: '10.0.0.12/24' }) },
 *   resources: [group('web', [vip('10.0.0.100/24', 'eth0')], { preferred: 'web1' })],
 * });
 */
export function defineCluster<
  const NodeName extends string,
  const NicName extends string,
  const ScriptName extends string = never,
  const RscName extends string = never,
  const VipCidr extends Ipv4Cidr = never,
  const Unit extends string = never,
  const OcfAgent extends `${string}:${string}` = never,
  const DrbdName extends string = never,
  const MountPoint extends AbsPath = never,
>(
  cluster: Cluster<
    NoInfer<NodeName>,
    NoInfer<NicName>,
    NodeName,
    NicName,
    NoInfer<ResourceName<RscName, VipCidr, Unit, OcfAgent, DrbdName, MountPoint>>,
    NoInfer<ScriptName>,
    ScriptName,
    RscName,
    VipCidr,
    Unit,
    OcfAgent,
    DrbdName,
    MountPoint
  >,
): Cluster {
  // through unknown: comparing the thirteen-parameter Cluster with plain Cluster would cost every check of a stack
  // (the DSL's sources are checked with a stack in this repository) more than the stack itself
  return cluster as unknown as Cluster;
}
