import { error, warning } from '../../diagnostics/index.js';
import type { ClusterModel } from '../../model/model.js';
import { inSubnet } from '../../model/network.js';
import type { Check } from '../check.js';
import { nicNamed, nodesThatMayRun, primitivesOf, usesCorosync, usesHeartbeatMessaging } from '../support.js';

/** One interconnect between two nodes: when it fails both nodes think the other died and both take the resources. */
export const checkRedundantInterconnect: Check = (model) => {
  if (model.nodes.length !== 2) return [];
  const message = (what: string) => `a two-node cluster with a single ${what} link: losing it means split brain`;
  if (usesHeartbeatMessaging(model) && model.heartbeat?.links.length === 1) {
    return [warning('single-interconnect', model.heartbeat.links[0]!.path, message('heartbeat'))];
  }
  if (usesCorosync(model) && model.corosync) return [warning('single-interconnect', `${model.corosync.path}.interconnect`, message('corosync ring'))];
  return [];
};

interface SharedUse {
  nic: string;
  path: string;
  message: string;
}

/** Where service traffic shares an interconnect NIC: a NIC declared service/both, or a VIP brought up on it. */
function sharedUses(model: ClusterModel, interconnect: Set<string>): SharedUse[] {
  const out: SharedUse[] = [];
  for (const node of model.nodes) {
    for (const nic of node.nics) {
      if (interconnect.has(nic.name) && nic.role !== 'interconnect') {
        out.push({ nic: nic.name, path: nic.path, message: `${node.name} ${nic.name} carries the interconnect but has role ${nic.role}` });
      }
    }
  }
  for (const vip of primitivesOf(model, 'vip')) {
    for (const node of nodesThatMayRun(model, vip)) {
      const nic = vip.nic ? nicNamed(node, vip.nic) : node.nics.find((n) => inSubnet(vip.ip, n));
      if (nic && interconnect.has(nic.name) && nic.role === 'interconnect') {
        out.push({ nic: nic.name, path: vip.nic ? `${vip.path}.nic` : `${vip.path}.vip`, message: `VIP ${vip.ip} lands on interconnect NIC ${nic.name}` });
        break;
      }
    }
  }
  return out;
}

/**
 * Client traffic on the only heartbeat path delays heartbeats (false failover) and a service-LAN outage takes the
 * interconnect with it. A link on the service LAN next to a dedicated one is the usual backup ring, so it passes.
 */
export const checkServiceOnInterconnect: Check = (model) => {
  const links = [
    ...(usesHeartbeatMessaging(model) ? (model.heartbeat?.links ?? []).map((l) => l.nic) : []),
    ...(usesCorosync(model) && model.corosync ? [model.corosync.interconnect] : []),
  ];
  const uses = sharedUses(model, new Set(links));
  const shared = new Set(uses.map((u) => u.nic));
  if (links.some((nic) => !shared.has(nic))) return [];
  return uses.map((u) => warning('service-on-interconnect', u.path, u.message));
};

const multicast = { address: '224.0.0.0', prefix: 4 };

export const checkMcastGroup: Check = (model) =>
  (model.heartbeat?.links ?? []).flatMap((l) => {
    if (l.mode !== 'mcast') return [];
    if (!l.group) return [error('link-mcast-group', `${l.path}.group`, `mcast link on ${l.nic} needs a multicast group address`)];
    if (!inSubnet(l.group, multicast)) return [error('link-mcast-group', `${l.path}.group`, `${l.group} is not a multicast address (224.0.0.0/4)`)];
    return [];
  });
