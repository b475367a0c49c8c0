import type { LabLayout, LayoutMember } from './layout.js';
import { findNic } from './layout.js';
import { run } from './run.js';

export type LinkState = 'up' | 'down';

export interface SetLinkOptions {
  /**
   * 'node' (default): the NIC inside the node goes administratively down, as `ip link set eth1 down` on the node.
   * 'switch': the switch port goes down, like a pulled cable: the node's NIC stays up but loses carrier.
   */
  at?: 'node' | 'switch';
}

export async function setLink(layout: LabLayout, member: LayoutMember, nicName: string, state: LinkState, opts: SetLinkOptions = {}): Promise<void> {
  const nic = findNic(member, nicName);
  const [netns, dev] = opts.at === 'switch' ? [layout.switchNetns, nic.switchPort] : [member.netns, nic.name];
  await run(['ip', '-n', netns, 'link', 'set', 'dev', dev, state]);
}

export interface LiveAddress {
  nic: string;
  address: string;
  prefix: number;
}

interface IpJsonLink { ifname: string; addr_info?: { family: string; local: string; prefixlen: number }[] }

/** What is configured right now (VIPs included), not what the spec said. */
export async function liveAddresses(member: LayoutMember): Promise<LiveAddress[]> {
  const { stdout } = await run(['ip', '-n', member.netns, '-j', '-4', 'address', 'show']);
  const links = JSON.parse(stdout || '[]') as IpJsonLink[];
  return links
    .filter((l) => l.ifname !== 'lo')
    .flatMap((l) => (l.addr_info ?? []).filter((a) => a.family === 'inet').map((a) => ({ nic: l.ifname, address: a.local, prefix: a.prefixlen })));
}
