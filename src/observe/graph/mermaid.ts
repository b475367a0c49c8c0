import { mermaidId, mermaidLabel } from './escape.js';
import type { Topology } from './topology.js';

/** The topology as a Mermaid flowchart (renders in GitHub Markdown): the same parts and wires as the DOT graph. */
export function topologyMermaid(t: Topology): string {
  const out: string[] = ['flowchart TB'];
  out.push(`  %% cluster ${t.cluster.replace(/[^\w.-]/g, '_')} (${t.runtime})`);
  for (const n of t.networks) {
    out.push(`  ${mermaidId('net', n.id)}[(${mermaidLabel([`${n.id} ${n.cidr}`, ...(n.heartbeat.length ? [`heartbeat (${n.heartbeat.join(', ')})`] : [])])})]`);
  }
  const members = [...t.nodes.map((m) => ({ m, kind: 'node' })), ...(t.client ? [{ m: t.client, kind: 'client' }] : [])];
  for (const { m, kind } of members) {
    out.push(`  ${mermaidId(kind, m.name)}[${mermaidLabel([m.name, ...(kind === 'client' ? ['lab client'] : [])])}]`);
    for (const nic of m.nics) out.push(`  ${mermaidId(kind, m.name)} ---|${mermaidLabel([`${nic.name} ${nic.address}`])}| ${mermaidId('net', nic.network)}`);
  }
  for (const g of t.gateways) {
    out.push(`  ${mermaidId('gw', g.address)}((${mermaidLabel(['ping', g.address])}))`, `  ${mermaidId('gw', g.address)} --- ${mermaidId('net', g.network)}`);
  }
  for (const v of t.vips) {
    const id = mermaidId('vip', `${v.owner}:${v.network ?? ''}`);
    out.push(`  ${id}([${mermaidLabel([v.owner, ...v.addresses])}])`);
    if (v.network) out.push(`  ${id} --- ${mermaidId('net', v.network)}`);
    if (v.preferred) out.push(`  ${id} -.->|preferred| ${mermaidId('node', v.preferred)}`);
  }
  return `${out.join('\n')}\n`;
}
