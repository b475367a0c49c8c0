import type { DrbdConfig, VrrpInstance } from './types.js';

/**
 * A VRRP instance (keepalived vrrp_instance); its nodes, interfaces and track scripts are checked against the stack's.
 *
 * @example vrrp('VI_1', { interface: 'eth0', vrid: 51, nodes: { lb1: { state: 'MASTER', priority: 150 }, lb2: { state: 'BACKUP', priority: 100 } }, vips: ['192.168.1.10'] })
 */
export function vrrp<const N extends string, const Nic extends string, const Script extends string = never>(
  name: string,
  instance: Omit<VrrpInstance<N, Nic, Script>, 'name'>,
): VrrpInstance<N, Nic, Script> {
  return { name, ...instance };
}

/**
 * A DRBD resource (drbd.conf): `resource NAME { on HOST {...} }`, with device, disk and address per node.
 *
 * @example drbdResource('drbd0', { protocol: 'C', nodes: { host_m: { device: '/dev/drbd0', disk: '/dev/hda2' }, host_s: { device: '/dev/drbd0', disk: '/dev/hda2' } } })
 */
export function drbdResource<const N extends string>(name: string, config: Omit<DrbdConfig<N>, 'name'>): DrbdConfig<N> {
  return { name, ...config };
}
