import { LabError } from '../../netns/errors.js';
import { posix } from 'node:path';
import type { ClusterModel } from '../../model/model.js';
import { allPrimitives, splitVrrpVips } from '../../model/normalize.js';
import { broadcastAddress, inSubnet, networkAddress, parseCidr } from '../../model/network.js';
import type { RenderedFile } from '../../render/artifact.js';
import type { LabSpec } from '../../netns/index.js';
import { NODE_PRIVATE_DIRS } from '../../netns/node-root.js';
import ipaddr from 'ipaddr.js';

export const CLIENT = 'client';

/** Directories every lab node already has privately; any other directory a rendered file lands in is added. */
const ALREADY_PRIVATE = ['/etc', '/run', ...NODE_PRIVATE_DIRS];

/** Lab names are short lowercase ids; cluster names may be anything the schema allows. */
export function labName(model: Pick<ClusterModel, 'cluster'>): string {
  return model.cluster.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 24) || 'lab';
}

export function memberName(node: string): string {
  return node.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** Every VIP the stack floats, whatever runtime floats it. */
export function clusterVips(model: ClusterModel): string[] {
  const fromResources = allPrimitives(model).flatMap((p) => (p.kind === 'vip' ? [p.ip] : []));
  const fromVrrp = model.vrrp.flatMap((v) => {
    const { vips, excluded } = splitVrrpVips(v, undefined);
    return [...vips, ...excluded].map((a) => parseCidr(a).address);
  });
  return [...new Set([...fromResources, ...fromVrrp])];
}

/**
 * The stack's networks become lab bridges (one per distinct subnet), its nodes namespaces with the stack's NIC names
 * and addresses; ping nodes and NIC gateways answer from the lab's gateway namespace; a client sits on every network
 * that carries a VIP, at the highest free address.
 */
export function labSpecFor(model: ClusterModel, files: readonly RenderedFile[]): LabSpec {
  const networks: { name: string; cidr: string }[] = [];
  const networkOf = (address: string, prefix: number): string => {
    const cidr = `${networkAddress({ address, prefix })}/${prefix}`;
    let net = networks.find((n) => n.cidr === cidr);
    if (!net) {
      net = { name: `net${networks.length}`, cidr };
      networks.push(net);
    }
    return net.name;
  };
  const nodes = model.nodes.map((node) => ({
    name: memberName(node.name),
    nics: node.nics.map((nic) => ({ name: nic.name, network: networkOf(nic.address, nic.prefix), address: `${nic.address}/${nic.prefix}` })),
    privateDirs: privateDirsFor(files.filter((f) => f.node === node.name)),
  }));

  const used = new Set<string>([...model.nodes.flatMap((n) => n.nics.map((nic) => nic.address)), ...clusterVips(model)]);
  const gateways: LabSpec['gateways'] = [];
  const pingTargets = [...(model.heartbeat?.ping ?? []), ...model.nodes.flatMap((n) => n.nics.flatMap((nic) => (nic.gateway ? [nic.gateway] : [])))];
  for (const address of new Set(pingTargets)) {
    const net = networks.find((n) => inSubnet(address, parseCidr(n.cidr)));
    if (net) {
      gateways.push({ network: net.name, address });
      used.add(address);
    }
  }

  const vipNetworks = networks.filter((n) => clusterVips(model).some((vip) => inSubnet(vip, parseCidr(n.cidr))));
  const clientNics = vipNetworks.map((net, i) => ({ name: `eth${i}`, network: net.name, address: `${freeAddress(net.cidr, used)}/${parseCidr(net.cidr).prefix}` }));
  return {
    name: labName(model),
    networks,
    nodes,
    clients: clientNics.length ? [{ name: CLIENT, nics: clientNics }] : [],
    gateways,
  };
}

function privateDirsFor(files: readonly RenderedFile[]): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    const dir = posix.dirname(file.path);
    if (!ALREADY_PRIVATE.some((p) => dir === p || dir.startsWith(`${p}/`))) dirs.add(dir);
  }
  return [...dirs].sort();
}

function freeAddress(cidr: string, used: Set<string>): string {
  const subnet = parseCidr(cidr);
  let candidate = ipaddr.IPv4.parse(broadcastAddress(subnet)).toByteArray();
  for (let i = 0; i < 256; i++) {
    candidate = decrement(candidate);
    const text = candidate.join('.');
    if (!used.has(text) && inSubnet(text, subnet) && text !== networkAddress(subnet)) {
      used.add(text);
      return text;
    }
  }
  throw new LabError('lab-spec-invalid', `no free address for the lab client in ${cidr}`);
}

function decrement(bytes: number[]): number[] {
  const out = [...bytes];
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i]! > 0) {
      out[i]! -= 1;
      break;
    }
    out[i] = 255;
  }
  return out;
}
