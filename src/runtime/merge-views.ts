import type { ClusterStatus, GroupState, NodeState, NodeView } from './status.js';

/**
 * Nodes that agree on who is online belong together; views that disagree are sides of a partition. With no view from
 * a node it is simply not reported (it may be down), which is not a partition.
 */
function partitionsOf(views: readonly NodeView[]): string[][] {
  const sides = new Map<string, string[]>();
  const blind = views.filter((v) => v.membership === false).map((v) => v.reporter);
  if (blind.length === views.length) return [blind];
  for (const v of views.filter((x) => x.membership !== false)) {
    const online = v.nodes.filter((n) => n.state === 'online' || n.state === 'standby').map((n) => n.name).sort();
    // a node that does not see itself online (its cluster manager is stopping) is a side of its own
    const key = online.includes(v.reporter) ? online.join(',') : `(${v.reporter})`;
    sides.set(key, [...(sides.get(key) ?? []), v.reporter]);
  }
  return [...sides.keys()].map((key) => (key.startsWith('(') ? [key.slice(1, -1)] : key.split(',')));
}

/** A node's state as the view that can know best tells it: the node itself, else any view that sees it. */
function mergeNodes(views: readonly NodeView[], order: readonly string[]): NodeState[] {
  const names = [...new Set([...order, ...views.flatMap((v) => v.nodes.map((n) => n.name))])];
  return names.flatMap((name) => {
    const seen = views.flatMap((v) => v.nodes.filter((n) => n.name === name).map((n) => ({ ...n, reporter: v.reporter })));
    if (seen.length === 0) return [];
    const own = seen.find((s) => s.reporter === name);
    const best = own ?? seen.find((s) => s.state !== 'offline') ?? seen[0]!;
    const { reporter: _reporter, ...state } = best;
    return [{ ...state, seenBy: seen.filter((s) => s.state === best.state).map((s) => s.reporter) }];
  });
}

/** The same group as every view reports it: a view speaks for the nodes of its own side only. */
function mergeGroups(views: readonly NodeView[], partitions: readonly string[][]): GroupState[] {
  const names = [...new Set(views.flatMap((v) => v.groups.map((g) => g.name)))];
  return names.map((name) => {
    const reports = views.flatMap((v) => {
      const side = partitions.find((p) => p.includes(v.reporter)) ?? [v.reporter];
      const g = v.groups.find((x) => x.name === name);
      return g ? [{ g, side }] : [];
    });
    const first = reports[0]!.g;
    const within = (node: string | undefined, side: string[]) => node === undefined || side.includes(node);
    const all = dedupe(reports.flatMap(({ g, side }) => g.resources.filter((r) => within(r.node, side) || partitions.length === 1)));
    // "stopped" from a node where the resource simply does not run says nothing once another node runs it
    const resources = all.filter((r) => r.node !== undefined || !all.some((o) => o.name === r.name && o.node !== undefined));
    const runningOn = [...new Set(reports.flatMap(({ g, side }) => g.runningOn.filter((n) => within(n, side) || partitions.length === 1)))];
    const promotedOn = first.promotedOn && [...new Set(reports.flatMap(({ g, side }) => (g.promotedOn ?? []).filter((n) => within(n, side) || partitions.length === 1)))];
    return { ...first, runningOn, ...(promotedOn ? { promotedOn } : {}), resources, disabled: reports.some(({ g }) => g.disabled) };
  });
}

function dedupe<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = JSON.stringify(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function warningsOf(status: Omit<ClusterStatus, 'warnings'>): string[] {
  const out: string[] = [];
  if (status.partitions.length > 1) out.push(`split brain: the nodes form ${status.partitions.length} partitions (${status.partitions.map((p) => p.join(',')).join(' | ')}) that cannot see each other`);
  for (const g of status.groups) {
    const single = g.kind === 'group' || g.kind === 'primitive' || g.kind === 'vrrp';
    if (single && g.runningOn.length > 1) out.push(`${g.name} is active on ${g.runningOn.length} nodes (${g.runningOn.join(', ')})`);
    if (g.kind === 'promotable' && (g.promotedOn?.length ?? 0) > 1) out.push(`${g.name} is promoted on ${g.promotedOn!.join(', ')}`);
  }
  return out;
}

/** Every view a runtime's status reader collected → one status, with partitions and split brains named in words. */
export function mergeViews(views: readonly NodeView[], nodeOrder: readonly string[]): ClusterStatus {
  if (views.length === 0) throw new Error('no node reported its status');
  const partitions = partitionsOf(views);
  const merged: Omit<ClusterStatus, 'warnings'> = {
    cluster: views[0]!.cluster,
    runtime: views[0]!.runtime,
    reportedBy: nodeOrder.filter((n) => views.some((v) => v.reporter === n)),
    partitions,
    nodes: mergeNodes(views, nodeOrder),
    links: dedupe(views.flatMap((v) => v.links)),
    groups: mergeGroups(views, partitions),
    failedActions: dedupe(views.flatMap((v) => v.failedActions)),
    failCounts: dedupe(views.flatMap((v) => v.failCounts)),
    ...(views.some((v) => v.quorum) ? { quorum: views.find((v) => v.quorum)!.quorum! } : {}),
    ...(views.some((v) => v.dc) ? { dc: [...new Set(views.flatMap((v) => v.dc ?? []))] } : {}),
  };
  return { ...merged, warnings: warningsOf(merged) };
}
