import { error, type Diagnostic } from '../../diagnostics/index.js';
import type { ClusterModel, NicModel, NodeModel } from '../../model/model.js';
import { inSubnet, parseCidr } from '../../model/network.js';
import { allPrimitives } from '../../model/normalize.js';
import type { Check } from '../check.js';
import { nicNamed, nodeNamed, nodesThatMayRun } from '../support.js';

interface Placement {
  node: NodeModel;
  /** the NIC the address is bound to, when the stack names one */
  nic?: string;
}

interface Claim {
  ip: string;
  path: string;
  placements: Placement[];
}

/** Every floating address of the stack: VIP resources and VRRP addresses, with where each may be brought up. */
function claims(model: ClusterModel): Claim[] {
  const out: Claim[] = [];
  for (const p of allPrimitives(model)) {
    if (p.kind !== 'vip') continue;
    out.push({ ip: p.ip, path: `${p.path}.vip`, placements: nodesThatMayRun(model, p).map((node) => ({ node, nic: p.nic })) });
  }
  for (const v of model.vrrp) {
    const placements = v.nodes.flatMap((n) => {
      const node = nodeNamed(model, n.node);
      return node ? [{ node, nic: n.interface }] : [];
    });
    v.vips.forEach((vip, i) => out.push({ ip: parseCidr(vip).address, path: `${v.path}.vips[${i}]`, placements }));
    v.excludedVips.forEach((vip, i) => out.push({ ip: parseCidr(vip).address, path: `${v.path}.excludedVips[${i}]`, placements }));
  }
  return out;
}

const contains = (nic: NicModel, ip: string) => inSubnet(ip, nic);

/** IPaddr2 and keepalived add the address to a NIC; outside that NIC's subnet it is unreachable (or lands on the wrong link). */
export const checkVipSubnets: Check = (model) => {
  const out: Diagnostic[] = [];
  for (const claim of claims(model)) {
    const outside: string[] = [];
    const homeless: string[] = [];
    for (const { node, nic } of claim.placements) {
      if (nic) {
        const bound = nicNamed(node, nic);
        if (bound && !contains(bound, claim.ip)) outside.push(`${node.name} ${nic} ${bound.address}/${bound.prefix}`);
      } else if (!node.nics.some((n) => contains(n, claim.ip))) homeless.push(node.name);
    }
    if (outside.length) out.push(error('vip-outside-subnet', claim.path, `VIP ${claim.ip} is outside the subnet of ${outside.join(', ')}`));
    if (homeless.length) out.push(error('vip-no-nic', claim.path, `no NIC subnet contains VIP ${claim.ip} on ${homeless.join(', ')}`));
  }
  return out;
};

/** A VIP that is a node's own address, or is claimed twice, makes two hosts answer for one IP. */
export const checkVipUniqueness: Check = (model) => {
  const out: Diagnostic[] = [];
  const owners = new Map(model.nodes.flatMap((n) => n.nics.map((nic) => [nic.address, `${n.name} ${nic.name}`] as const)));
  const claimed = new Map<string, string>();
  for (const claim of claims(model)) {
    const owner = owners.get(claim.ip);
    if (owner) out.push(error('vip-equals-node-address', claim.path, `VIP ${claim.ip} is the address of ${owner}`));
    const first = claimed.get(claim.ip);
    if (first) out.push(error('vip-duplicate', claim.path, `VIP ${claim.ip} is already claimed at ${first}`));
    else claimed.set(claim.ip, claim.path);
  }
  return out;
};

export const checkDuplicateAddresses: Check = (model) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const node of model.nodes) {
    for (const nic of node.nics) {
      const first = seen.get(nic.address);
      if (first) out.push(error('duplicate-address', nic.path, `${nic.address} is already the address of ${first}`));
      else seen.set(nic.address, `${node.name} ${nic.name}`);
    }
  }
  return out;
};
