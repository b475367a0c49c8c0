import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { AgentConfig, AgentLink } from '../config/index.js';
import { splitAddress } from '../config/address.js';

export interface LocalAddress {
  ip: string;
  prefix?: number;
  family: 4 | 6;
}

export type InterfaceTable = ReturnType<typeof networkInterfaces>;

/** The address this node uses on a link: listed in the config, else the first one of the link's interface. */
export function localAddress(config: AgentConfig, node: string, link: AgentLink, ifaces: InterfaceTable = networkInterfaces()): LocalAddress {
  const listed = config.nodes.find((n) => n.name === node)?.addresses[link.name];
  if (listed !== undefined) {
    const a = splitAddress(listed);
    if (!a) throw new Error(`node ${node}: bad address "${listed}" on link ${link.name}`);
    const prefix = a.prefix ?? (link.iface ? ifacePrefix(ifaces, link.iface, a.ip) : undefined);
    return { ip: a.ip, family: isIP(a.ip) as 4 | 6, ...(prefix === undefined ? {} : { prefix }) };
  }
  if (link.iface === undefined) throw new Error(`node ${node} has no address on link ${link.name} and the link names no iface`);
  const entry = (ifaces[link.iface] ?? []).find((e) => e.family === 'IPv4') ?? (ifaces[link.iface] ?? [])[0];
  if (!entry) throw new Error(`link ${link.name}: interface ${link.iface} has no address on this host`);
  const prefix = entry.cidr ? Number(entry.cidr.split('/')[1]) : undefined;
  return { ip: entry.address, family: entry.family === 'IPv4' ? 4 : 6, ...(prefix === undefined ? {} : { prefix }) };
}

function ifacePrefix(ifaces: InterfaceTable, iface: string, ip: string): number | undefined {
  const cidr = (ifaces[iface] ?? []).find((e) => e.address === ip)?.cidr;
  return cidr ? Number(cidr.split('/')[1]) : undefined;
}

/** ucast destinations: the other nodes' addresses on the link plus explicit peers, never our own. */
export function ucastDestinations(config: AgentConfig, node: string, link: AgentLink, self: string): string[] {
  const out = new Set<string>();
  for (const n of config.nodes) {
    if (n.name === node) continue;
    const a = n.addresses[link.name];
    const ip = a === undefined ? undefined : splitAddress(a)?.ip;
    if (ip !== undefined) out.add(ip);
  }
  for (const p of link.peers) out.add(p);
  out.delete(self);
  return [...out];
}

export function directedBroadcast(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const hostBits = 32 - prefix;
  const bcast = hostBits === 0 ? n : (Math.floor(n / 2 ** hostBits) + 1) * 2 ** hostBits - 1;
  return [24, 16, 8, 0].map((s) => Math.floor(bcast / 2 ** s) % 256).join('.');
}
