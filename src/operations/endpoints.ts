import type { ClusterModel } from '../model/model.js';
import { quote } from '../transport/shell.js';
import type { Transport } from '../transport/transport.js';
import { parseCidr } from '../model/network.js';

export interface ServiceEndpoint {
  /** group, primitive or VRRP instance */
  name: string;
  vip: string;
  /** a TCP port the service listens on, if the stack says */
  port?: number;
}

/** What a client reaches: each VIP-carrying group or VRRP instance, with a port when one is known. */
export function serviceEndpoints(model: ClusterModel): ServiceEndpoint[] {
  const out: ServiceEndpoint[] = [];
  for (const entry of model.resources) {
    const members = entry.kind === 'group' ? entry.members : [entry];
    const vip = members.find((m) => m.kind === 'vip');
    if (!vip || vip.kind !== 'vip') continue;
    const port = members
      .flatMap((m) => {
        if (m.kind === 'exec' || m.kind === 'tomcat') return m.ports;
        if (m.kind === 'apache') return [m.port];
        return m.monitor?.port !== undefined ? [m.monitor.port] : [];
      })
      .at(0);
    out.push({ name: entry.name, vip: vip.ip, port });
  }
  for (const v of model.vrrp) out.push({ name: v.name, vip: parseCidr(v.vips[0]!).address });
  return out;
}

/** The node each address is on now, from `ip -o -4 addr` on every node that answers (VIPs included). */
export async function liveAddresses(nodes: ReadonlyMap<string, Transport>): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  await Promise.all([...nodes].map(async ([node, t]) => {
    const r = await t.exec("ip -o -4 addr show | awk '{ split($4, a, \"/\"); print a[1] }'", { timeoutMs: 10_000 });
    if (r.code === 0) out.set(node, new Set(r.stdout.split('\n').map((l) => l.trim()).filter(Boolean)));
  }));
  return out;
}

export const holdersOf = (addresses: ReadonlyMap<string, ReadonlySet<string>>, vip: string): string[] =>
  [...addresses].filter(([, set]) => set.has(vip)).map(([node]) => node);

/** Node name by the MAC addresses of its NICs, to tell from an ARP answer which node holds a VIP. */
export async function macsByNode(model: ClusterModel, nodes: ReadonlyMap<string, Transport>): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const node of model.nodes) {
    const t = nodes.get(node.name);
    if (!t) continue;
    const r = await t.exec(node.nics.map((nic) => `cat /sys/class/net/${quote(nic.name)}/address`).join('; '));
    for (const mac of r.stdout.split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean)) map.set(mac, node.name);
  }
  return map;
}
