import type { ClusterInput } from '../../model/cluster.js';
import type { PlatformProfile } from '../../platform/profiles.js';
import { at } from '../located.js';
import { sliceLines } from '../parse/blocks.js';
import type { DrbdResourceConf } from '../parse/drbd.js';
import { item } from '../report.js';
import type { Assembly } from './context.js';
import { compact, type Draft } from './draft.js';

type Drbd = NonNullable<ClusterInput['drbd']>[number];

/** DRBD resources: the first node's file that names each one (every node has the same), hosts per node. */
export function assembleDrbd(a: Assembly, draft: Draft, profile: PlatformProfile): void {
  const seen = new Map<string, { r: DrbdResourceConf; node: string }>();
  for (const n of a.nodes) for (const d of n.drbd) {
    a.consumed.add(d.file);
    for (const inc of d.value.includes) a.items.push(item('imported', 'drbd-include', `include ${inc.pattern}`, { where: inc.where }));
    for (const k of d.value.kept) a.items.push(item('passthrough', 'drbd-statement', sliceLines(d.file.bytes.toString('utf8'), k.stmt).trim(), { where: at(d.file.origin, k.stmt.line, k.stmt.column), why: k.why }));
    for (const r of d.value.resources) {
      if (seen.has(r.name)) continue;
      seen.set(r.name, { r, node: n.name });
      for (const k of r.kept) a.items.push(item('passthrough', 'drbd-statement', sliceLines(d.file.bytes.toString('utf8'), k.stmt).trim(), { where: at(d.file.origin, k.stmt.line, k.stmt.column), why: k.why }));
    }
  }
  const out: Drbd[] = [];
  for (const { r } of seen.values()) {
    const ports = [...new Set(r.hosts.map((h) => h.port).filter((p) => p !== undefined))];
    const nodes: Drbd['nodes'] = {};
    for (const h of r.hosts) {
      if (!h.device || !h.disk) {
        a.items.push(item('passthrough', 'drbd-host', `${r.name} on ${h.node}`, { where: h.where, why: 'no device or disk' }));
        continue;
      }
      nodes[h.node] = compact({ device: h.device, disk: h.disk, address: h.address, metaDisk: h.metaDisk });
      if (!a.nodes.some((n) => n.name === h.node)) a.items.push(item('skipped', 'drbd-node', `${r.name} on ${h.node}`, { where: h.where, why: 'no files were read for that node: lint reports the unknown node' }));
    }
    out.push(compact({
      name: r.name,
      version: r.version !== profile.drbdVersion ? r.version : undefined,
      protocol: r.protocol,
      port: ports[0],
      syncerRate: r.rate,
      onIoError: r.onIoError as Drbd['onIoError'],
      nodes,
    }) as Drbd);
  }
  if (out.length) draft.drbd = out;
}
