import type { ClusterInput } from './cluster.js';

type Entry = NonNullable<ClusterInput['resources']>[number];
type Member = Extract<Entry, { members: unknown }>['members'][number];
type GroupEntry = Extract<Entry, { members: unknown }>;

/** Identity with full types: a stack written in TypeScript gets completion and type errors where YAML gets schema errors. */
export function defineCluster<const T extends ClusterInput>(cluster: T): T {
  return cluster;
}

/** `group('web', [vip(...), ...], { preferred: 's1' })` reads closer to `crm configure group` than a nested object. */
export function group(name: string, members: Member[], options: Omit<GroupEntry, 'group' | 'members'> = {}): GroupEntry {
  return { group: name, members, ...options };
}

/** A floating address on a NIC (IPaddr2). */
export function vip(cidr: string, nic: string, options: Omit<Extract<Member, { vip: string }>, 'vip' | 'nic'> = {}): Member {
  return { vip: cidr, nic, ...options };
}
