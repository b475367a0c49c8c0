import type { ClusterStatus, DrbdPeerState, DrbdState, GroupState, ResourceState } from './status.js';

function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

function where(g: GroupState): string {
  if (g.kind === 'promotable') {
    const promoted = g.promotedOn ?? [];
    const others = g.runningOn.filter((n) => !promoted.includes(n));
    return [promoted.length ? `promoted on ${promoted.join(', ')}` : 'promoted nowhere', others.length ? `unpromoted on ${others.join(', ')}` : ''].filter(Boolean).join('; ');
  }
  if (g.runningOn.length === 0) return g.disabled ? 'stopped (disabled)' : 'stopped';
  return `started on ${g.runningOn.join(', ')}`;
}

const role = (r: ResourceState): string => `${r.role}${r.node ? ` on ${r.node}` : ''}${r.disabled ? ' (disabled)' : ''}${r.managed ? '' : ' (unmanaged)'}`;

/** `ds: Secondary UpToDate, SyncSource 42.1% done`, or just why the peer is not connected (`ds: StandAlone`). */
function peerText(p: DrbdPeerState): string {
  if (p.connection !== 'Connected') return `${p.peer}: ${p.connection}`;
  const sync = p.replication ? `, ${p.replication}${p.done !== undefined ? ` ${p.done}% done` : ''}` : '';
  return `${p.peer}: ${[p.role, p.disk].filter(Boolean).join(' ')}${sync}`;
}

const drbdRow = (d: DrbdState): string[] =>
  d.up ? [d.resource, d.node, d.role, d.disk, d.peers.map(peerText).join('; ')] : [d.resource, d.node, 'not up', d.detail ?? ''];

/** crm_mon-like text, the same for every runtime: what the operator reads first (warnings) comes first. */
export function formatStatus(s: ClusterStatus): string {
  const out: string[] = [];
  out.push(`Cluster ${s.cluster} (${s.runtime}), reported by ${s.reportedBy.join(', ')}`);
  for (const w of s.warnings) out.push(`  ** ${w} **`);
  if (s.dc?.length) out.push(`Current DC: ${s.dc.join(', ')}`);
  if (s.quorum) out.push(`Quorum: ${s.quorum.quorate ? 'yes' : 'NO'}${s.quorum.detail ? ` (${s.quorum.detail})` : ''}`);
  out.push('', 'Nodes:', ...table(s.nodes.map((n) => [n.name, n.state, n.detail ?? ''])));
  if (s.links.length) out.push('', 'Links:', ...table(s.links.map((l) => [`${l.node} -> ${l.peer}`, l.link, l.status])));
  out.push('', 'Resources:');
  if (s.groups.length === 0) out.push('  (none)');
  for (const g of s.groups) {
    out.push(`  ${g.name} (${g.kind}): ${where(g)}`);
    out.push(...table(g.resources.map((r) => [r.name, r.agent, role(r)]), '      '));
  }
  if (s.drbd) out.push('', 'DRBD:', ...(s.drbd.length ? table(s.drbd.map(drbdRow)) : ['  (no node answered)']));
  if (s.failCounts.length) out.push('', 'Fail counts:', ...table(s.failCounts.map((f) => [f.node, f.resource, String(f.count)])));
  if (s.failedActions.length) out.push('', 'Failed actions:', ...table(s.failedActions.map((a) => [a.node, `${a.resource} ${a.operation}`, a.reason, a.at ?? ''])));
  return `${out.join('\n')}\n`;
}
