import type { AgentStatus } from './status.js';

function ago(ms: number | undefined): string {
  if (ms === undefined) return 'never heard';
  return ms < 10_000 ? `${ms} ms ago` : `${Math.round(ms / 1000)} s ago`;
}

function time(at: number): string {
  return new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

/** crm_mon-like text: nodes, links, groups with their node, fail counts and failed actions. */
export function formatStatus(s: AgentStatus): string {
  const out: string[] = [];
  out.push(`Cluster ${s.cluster}: answered by ${s.node} (${s.phase}, up ${Math.round(s.uptimeMs / 1000)} s)`);
  out.push(`Quorum: ${s.quorum.quorate ? 'yes' : 'NO'} (${s.quorum.reason}; no-quorum-policy ${s.quorum.policy})`);
  out.push('', 'Nodes:');
  out.push(
    ...table(
      s.nodes.map((n) => [
        n.name,
        n.standby ? `${n.status} (standby)` : n.status,
        n.self ? 'this node' : ago(n.silentMs),
        n.pingReachable === undefined || s.ping.length === 0 ? '' : `ping ${n.pingReachable}/${s.ping.length}`,
        n.phase && n.phase !== 'active' ? n.phase : '',
      ]),
    ),
  );
  const linkRows = s.nodes.flatMap((n) => n.links.map((l) => [`${s.node} -> ${n.name}`, l.link, l.status, ago(l.silentMs)]));
  if (linkRows.length) out.push('', 'Links:', ...table(linkRows));
  if (s.ping.length) out.push('', 'Ping nodes:', ...table(s.ping.map((p) => [p.target, p.state, ago(p.silentMs)])));
  out.push('', 'Groups:');
  for (const g of s.groups) {
    const where = g.runningOn.length > 0 ? `running on ${g.runningOn.join(', ')}` : Object.keys(g.states).length ? Object.entries(g.states).map(([n, st]) => `${st} on ${n}`).join(', ') : 'stopped';
    const notes = [g.reason, g.waitingFor ? `waiting for ${g.waitingFor}` : '', g.movedTo ? `moved to ${g.movedTo}` : '', g.disabled ? 'disabled' : '']
      .filter(Boolean)
      .join('; ');
    out.push(`  ${g.name}: ${where}${g.runningOn.length > 1 ? '  ** ACTIVE ON MORE THAN ONE NODE **' : ''}`);
    out.push(`      target ${g.target ?? '(none)'}: ${notes}`);
    if (g.states[s.node] !== undefined) out.push(...table(g.members.map((m) => [m.id, m.class, m.state]), '        '));
  }
  if (s.failCounts.length) {
    out.push('', 'Fail counts:');
    out.push(...table(s.failCounts.map((f) => [f.node, f.resource, f.count >= 1_000_000 ? 'INFINITY' : String(f.count), `last ${time(f.lastAt)}`])));
  }
  if (s.failedActions.length) {
    out.push('', 'Failed actions:');
    out.push(...table(s.failedActions.map((a) => [a.node, `${a.resource}_${a.op}`, time(a.at), a.reason])));
  }
  const dropped = Object.entries(s.drops).filter(([, n]) => n > 0);
  if (dropped.length) out.push('', `Dropped packets: ${dropped.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  return out.join('\n') + '\n';
}
