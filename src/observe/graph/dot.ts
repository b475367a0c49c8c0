import { dotLabel, dotString } from './escape.js';
import type { Topology } from './topology.js';

const q = dotString;

/** The topology as a Graphviz graph: networks as points, nodes and VIPs as boxes, NICs as labelled edges. */
export function topologyDot(t: Topology): string {
  const out: string[] = [];
  out.push(`graph ${q(t.cluster)} {`, '  graph [rankdir=TB, fontname="sans-serif"];', '  node [fontname="sans-serif", fontsize=11];', '  edge [fontname="sans-serif", fontsize=9];');
  out.push(`  label=${dotLabel([`cluster ${t.cluster} (${t.runtime})`])}; labelloc=t;`);
  for (const n of t.networks) {
    const lines = [`${n.id} ${n.cidr}`, ...(n.heartbeat.length ? [`heartbeat (${n.heartbeat.join(', ')})`] : [])];
    out.push(`  ${q(`net:${n.id}`)} [shape=box, style="rounded,filled", fillcolor="${n.heartbeat.length ? '#e8daef' : '#d6dbdf'}", label=${dotLabel(lines)}];`);
  }
  const members = [...t.nodes.map((m) => ({ m, kind: 'node' })), ...(t.client ? [{ m: t.client, kind: 'client' }] : [])];
  for (const { m, kind } of members) {
    out.push(`  ${q(`${kind}:${m.name}`)} [shape=box, style=filled, fillcolor="${kind === 'node' ? '#e8f8ef' : '#fdfefe'}", label=${dotLabel([m.name, ...(kind === 'client' ? ['lab client'] : [])])}];`);
    for (const nic of m.nics) out.push(`  ${q(`${kind}:${m.name}`)} -- ${q(`net:${nic.network}`)} [label=${dotLabel([nic.name, nic.address])}];`);
  }
  for (const g of t.gateways) {
    out.push(`  ${q(`gw:${g.address}`)} [shape=circle, style=filled, fillcolor="#f4d03f", label=${dotLabel(['ping', g.address])}];`);
    out.push(`  ${q(`gw:${g.address}`)} -- ${q(`net:${g.network}`)};`);
  }
  for (const v of t.vips) {
    const id = q(`vip:${v.owner}:${v.network ?? ''}`);
    out.push(`  ${id} [shape=box, style="rounded,filled", fillcolor="#eaf2fb", label=${dotLabel([v.owner, ...v.addresses])}];`);
    if (v.network) out.push(`  ${id} -- ${q(`net:${v.network}`)};`);
    if (v.preferred) out.push(`  ${id} -- ${q(`node:${v.preferred}`)} [style=dashed, color="#2e86c1", label="preferred"];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
