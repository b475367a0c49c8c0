import type { Ipv4Cidr, NicSpec, NodeSpec } from './types.js';

/**
 * A cluster member; its name under nodes is its hostname (uname -n). Takes its NICs by interface name, and how plan
 * and apply reach it.
 *
 * @example node({ eth0: '10.0.0.11/24', eth1: nic('10.0.1.11/24', { role: 'interconnect' }) }, { ssh: { host: '192.0.2.11' } })
 */
export function node<const Nic extends string>(nics: { [K in Nic]: Ipv4Cidr | NicSpec }, options: Omit<NodeSpec, 'nics'> = {}): NodeSpec<Nic> {
  return { nics, ...options } as NodeSpec<Nic>;
}

/**
 * A NIC with its role or gateway; a plain `'10.0.0.11/24'` is the NIC without them.
 *
 * @example nic('10.0.1.11/24', { role: 'interconnect' })
 */
export function nic(address: Ipv4Cidr, options: Omit<NicSpec, 'address'> = {}): NicSpec {
  return { address, ...options };
}
