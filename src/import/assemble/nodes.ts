import type { ClusterModel } from '../../model/model.js';
import { item } from '../report.js';
import type { Assembly, NodeConfig } from './context.js';
import type { NodeInput } from './draft.js';

/** Addresses the configurations give a node on a NIC, when no address list (ip addr, ifcfg) was read. */
function inferredNics(a: Assembly, node: NodeConfig): Record<string, string> {
  const out: Record<string, string> = {};
  const prefixOf = (address: string) => {
    for (const n of a.nodes) for (const f of n.nics) if (sameNet(f.address, address, f.prefix)) return f.prefix;
    return 24;
  };
  for (const other of a.nodes) {
    if (other === node) continue;
    for (const m of other.haCf?.value.media ?? []) {
      if (m.mode !== 'ucast') continue;
      const own = new Set(other.nics.map((f) => f.address));
      for (const address of m.addresses) if (!own.has(address) && a.nodes.length === 2) out[m.nic] ??= `${address}/${prefixOf(address)}`;
    }
  }
  for (const i of node.keepalived?.value.instances ?? []) if (i.interface && i.unicastSrcIp) out[i.interface] ??= `${i.unicastSrcIp}/${prefixOf(i.unicastSrcIp)}`;
  return out;
}

function sameNet(a: string, b: string, prefix: number): boolean {
  const n = (ip: string) => ip.split('.').reduce((acc, o) => (acc << 8) + Number(o), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return ((n(a) & mask) >>> 0) === ((n(b) & mask) >>> 0);
}

/** The nodes: NICs read from the node (ip addr, ifcfg, interfaces), else from hactl's model on it, else inferred. */
export function assembleNodes(a: Assembly): Record<string, NodeInput> {
  const out: Record<string, NodeInput> = {};
  const hint = a.hint?.model;
  for (const node of a.nodes) {
    const fromHint = hint?.nodes.find((n) => n.name === node.name);
    let nics: NodeInput['nics'] = {};
    const facts = node.nics.filter((f) => !f.secondary);
    if (facts.length) for (const f of facts) nics[f.nic] ??= f.gateway ? { address: `${f.address}/${f.prefix}`, gateway: f.gateway } : `${f.address}/${f.prefix}`;
    else if (fromHint) {
      nics = nicsFromModel(fromHint);
      a.items.push(item('hint', 'nics-from-model', `NICs of ${node.name}`, { where: { file: a.hint!.file.origin, line: 0, column: 0 }, path: `nodes.${node.name}.nics`, why: 'no address list (ip addr, ifcfg) was read' }));
    } else {
      nics = inferredNics(a, node);
      a.items.push(item('assumed', 'nics-inferred', `NICs of ${node.name}: ${Object.entries(nics).map(([k, v]) => `${k} ${String(v)}`).join(', ') || 'none found'}`, { path: `nodes.${node.name}.nics`, why: 'no ip addr output, ifcfg or interfaces file: inferred from the peers’ configuration; check prefixes' }));
    }
    // roles, gateways, ssh and port forwards are said by the model only; keep them where NICs match
    if (fromHint) {
      for (const nic of fromHint.nics) {
        const current = nics[nic.name];
        const address = typeof current === 'string' ? current : current?.address;
        if (address !== `${nic.address}/${nic.prefix}`) continue;
        const declared = nicsFromModel(fromHint)[nic.name];
        if (typeof declared !== 'string') nics[nic.name] = declared!;
      }
    }
    const ssh = node.ssh ?? fromHint?.ssh;
    out[node.name] = {
      nics,
      ...(ssh ? { ssh } : {}),
      ...(fromHint?.forwardedPorts.length ? { forwardedPorts: fromHint.forwardedPorts } : {}),
    };
  }
  return out;
}

/** NICs as the stack writes them: `address/prefix`, or an object when a gateway must be said (roles: see roles.ts). */
function nicsFromModel(node: ClusterModel['nodes'][number]): NodeInput['nics'] {
  const nics: NodeInput['nics'] = {};
  for (const nic of node.nics) {
    const address = `${nic.address}/${nic.prefix}`;
    nics[nic.name] = nic.gateway ? { address, gateway: nic.gateway } : address;
  }
  return nics;
}
