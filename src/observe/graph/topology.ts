import type { ClusterModel, RuntimeName } from '../../model/model.js';
import { inSubnet, parseCidr, subnetOf } from '../../model/network.js';
import { CLIENT, labSpecFor, memberName } from '../../provider/lab/lab-spec.js';

/** A stack's machines and wires as `up` builds them on the lab: what `hactl graph` draws and the web view colours. */
export interface Topology {
  cluster: string;
  runtime: RuntimeName;
  networks: TopologyNetwork[];
  nodes: TopologyMember[];
  /** the lab's client, on every network that carries a VIP (absent when no VIP floats) */
  client?: TopologyMember;
  /** ping nodes and NIC gateways: the lab's gateway answers for them */
  gateways: { address: string; network: string }[];
  /** floating addresses, one entry per owner (group or VRRP instance) and network */
  vips: TopologyVip[];
}

export interface TopologyNetwork {
  /** the lab's name for it (net0, net1, ...), by first appearance in the stack */
  id: string;
  cidr: string;
  /** heartbeat links run over it (their NIC names) */
  heartbeat: string[];
}

export interface TopologyMember {
  name: string;
  nics: { name: string; address: string; prefix: number; network: string }[];
}

export interface TopologyVip {
  /** group, primitive or VRRP instance floating the addresses */
  owner: string;
  addresses: string[];
  network?: string;
  /** where it runs when the cluster is steady: the group's preferred node, the VRRP MASTER (highest priority) */
  preferred?: string;
}

function vipOwners(model: ClusterModel): { owner: string; addresses: string[]; preferred?: string }[] {
  const fromResources = model.resources.flatMap((r) => {
    const members = r.kind === 'group' ? r.members : [r];
    const addresses = members.flatMap((m) => (m.kind === 'vip' ? [m.ip] : []));
    const preferred = r.kind === 'group' ? r.preferred : undefined;
    return addresses.length ? [{ owner: r.name, addresses, ...(preferred ? { preferred } : {}) }] : [];
  });
  const fromVrrp = model.vrrp.map((v) => {
    const master = [...v.nodes].sort((a, b) => Number(b.state === 'MASTER') - Number(a.state === 'MASTER') || b.priority - a.priority)[0];
    return { owner: v.name, addresses: [...v.vips, ...v.excludedVips].map((a) => parseCidr(a).address), ...(master ? { preferred: master.node } : {}) };
  });
  return [...fromResources, ...fromVrrp];
}

/** The lab spec `up` would build, with the stack's own node names (the lab lower-cases them for namespaces). */
export function topologyOf(model: ClusterModel): Topology {
  const spec = labSpecFor(model, []);
  const nameOf = new Map(model.nodes.map((n) => [memberName(n.name), n.name]));
  const member = (m: (typeof spec.nodes)[number]): TopologyMember => ({
    name: nameOf.get(m.name) ?? m.name,
    nics: m.nics.map((nic) => {
      const { address, prefix } = parseCidr(nic.address);
      return { name: nic.name, address, prefix, network: nic.network };
    }),
  });
  const nodes = spec.nodes.map(member);
  const hbNics = new Set([...(model.heartbeat?.links.map((l) => l.nic) ?? []), ...(model.corosync ? [model.corosync.interconnect] : [])]);
  const networks = spec.networks.map((n) => ({
    id: n.name,
    cidr: subnetOf(parseCidr(n.cidr)),
    heartbeat: [...new Set(nodes.flatMap((m) => m.nics.filter((nic) => nic.network === n.name && hbNics.has(nic.name)).map((nic) => nic.name)))],
  }));
  const networkOf = (address: string) => networks.find((n) => inSubnet(address, parseCidr(n.cidr)))?.id;
  const vips = vipOwners(model).flatMap(({ owner, addresses, preferred }) => {
    // an owner may float addresses on several networks: one entry per network, so each sits on its own wire
    const byNetwork = new Map<string | undefined, string[]>();
    for (const a of addresses) byNetwork.set(networkOf(a), [...(byNetwork.get(networkOf(a)) ?? []), a]);
    return [...byNetwork].map(([network, list]) => ({ owner, addresses: list, ...(network ? { network } : {}), ...(preferred ? { preferred } : {}) }));
  });
  const client = spec.clients?.find((c) => c.name === CLIENT);
  return {
    cluster: model.cluster,
    runtime: model.runtime,
    networks,
    nodes,
    ...(client ? { client: member(client) } : {}),
    gateways: (spec.gateways ?? []).map((g) => ({ address: parseCidr(g.address).address, network: g.network })),
    vips,
  };
}
