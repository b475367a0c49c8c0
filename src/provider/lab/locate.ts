import type { Lab } from '../../netns/index.js';
import type { ClusterModel } from '../../model/model.js';
import { parseCidr } from '../../model/network.js';
import { memberName } from './lab-spec.js';

export interface ServiceEndpoint {
  /** group, primitive or VRRP instance */
  name: string;
  vip: string;
  /** a TCP port the service listens on, if the stack says */
  port?: number;
}

/** What a client reaches on the lab: each VIP-carrying group or VRRP instance, with a port when one is known. */
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

/** Which nodes hold the VIP right now (exactly one when the cluster is healthy). */
export async function vipHolders(lab: Lab, model: ClusterModel, vip: string): Promise<string[]> {
  const holders: string[] = [];
  for (const node of model.nodes) {
    const addresses = await lab.addresses(memberName(node.name));
    if (addresses.some((a) => a.address === vip)) holders.push(node.name);
  }
  return holders;
}

/** Node name by the MAC addresses of its NICs, to tell from an ARP answer which node holds a VIP. */
export async function macsByNode(lab: Lab, model: ClusterModel): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const node of model.nodes) {
    for (const nic of node.nics) {
      const r = await lab.exec(memberName(node.name), ['cat', `/sys/class/net/${nic.name}/address`]);
      if (r.exitCode === 0) map.set(r.stdout.trim().toLowerCase(), node.name);
    }
  }
  return map;
}
