import type { HeartbeatLink, Ipv4 } from './types.js';

type LinkOptions<N extends string> = Omit<HeartbeatLink<N>, 'nic' | 'mode' | 'group'>;

/**
 * A heartbeat link (ha.cf ucast, bcast or mcast line) that sends to each peer's address on the NIC (`ucast eth1
 * 10.0.1.12`); the peers are derived from the nodes' NICs unless `peers` names them.
 *
 * @example ucast('eth1', { port: 694 })
 */
export function ucast<const Nic extends string, const N extends string = never>(nic: Nic, options: LinkOptions<N> = {}): HeartbeatLink<N, Nic> {
  return { nic, mode: 'ucast', ...options };
}

/**
 * A heartbeat link (ha.cf ucast, bcast or mcast line) that broadcasts on the NIC's segment (`bcast eth2`).
 *
 * @example bcast('eth2')
 */
export function bcast<const Nic extends string>(nic: Nic, options: Omit<LinkOptions<never>, 'peers' | 'ucastTargets'> = {}): HeartbeatLink<never, Nic> {
  return { nic, mode: 'bcast', ...options };
}

/**
 * A heartbeat link (ha.cf ucast, bcast or mcast line) that sends to a multicast group (`mcast eth1 239.0.0.43 694 1 0`).
 *
 * @example mcast('eth1', '239.0.0.43', { ttl: 1 })
 */
export function mcast<const Nic extends string>(
  nic: Nic,
  group: Ipv4,
  options: Omit<LinkOptions<never>, 'peers' | 'ucastTargets'> = {},
): HeartbeatLink<never, Nic> {
  return { nic, mode: 'mcast', group, ...options };
}
