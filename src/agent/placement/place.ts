import type { AgentConfig, AgentGroup } from '../config/index.js';
import { scoreValue } from '../config/index.js';
import type { QuorumState } from '../membership/quorum.js';
import type { GroupReport, GroupRunState, NodeReport } from '../protocol/report.js';
import type { AdminView } from './admin.js';

/** What one node knows about one member (itself included) when it decides. */
export interface NodeFacts {
  name: string;
  /** In our partition (self always). */
  alive: boolean;
  phase: NodeReport['phase'];
  pingReachable: number;
  groups: Readonly<Record<string, GroupReport>>;
  /** group -> nodes this node sees holding it (from its report). */
  holders?: Readonly<Record<string, readonly string[]>>;
  /** Every heartbeat NIC of the node lost carrier: it is the cut-off side (known to the node itself only). */
  isolated?: boolean;
}

export interface PlacementInput {
  config: AgentConfig;
  /** Every configured node, in config order. */
  nodes: readonly NodeFacts[];
  admin: AdminView;
  quorum: QuorumState;
}

export interface GroupDecision {
  group: string;
  /** Node that should run the group; null = stopped everywhere. */
  target: string | null;
  reason: string;
  /** Alive nodes where the group is not stopped (any state but 'stopped'). */
  holders: string[];
  /** More than one alive node runs or starts it: a healed partition; all but target must stop. */
  dualActive: boolean;
  /** The target may start it now: nobody else holds it and its mandatory predecessors run. */
  mayStart: boolean;
  /** Why mayStart is false, when it is. */
  waitingFor?: string;
}

const RUNNING: readonly GroupRunState[] = ['starting', 'running'];
const STICKY: readonly GroupRunState[] = ['starting', 'running', 'blocked', 'failed'];

/**
 * The placement rule, a pure function of facts every node shares, so all nodes of a partition agree.
 * Ranking per group: move target > location INFINITY > current holder when auto_failback is off > score
 * (preferred + location + ping weight + colocation) > current holder > node order in the config.
 */
export function place(input: PlacementInput): Map<string, GroupDecision> {
  const { config, nodes } = input;
  const decisions = new Map<string, GroupDecision>();
  for (const group of colocationOrder(config)) {
    decisions.set(group.name, decide(group, input, decisions));
  }
  // Mandatory order: `then` waits until `first` runs somewhere in the partition.
  for (const o of config.orders) {
    const then = decisions.get(o.then);
    if (!then?.mayStart || o.kind !== 'mandatory') continue;
    const firstRuns = nodes.some((n) => n.alive && n.groups[o.first]?.state === 'running');
    if (!firstRuns) decisions.set(o.then, { ...then, mayStart: false, waitingFor: `order: ${o.first} must run first` });
  }
  return decisions;
}

function decide(group: AgentGroup, input: PlacementInput, done: Map<string, GroupDecision>): GroupDecision {
  const { config, nodes, admin, quorum } = input;
  const alive = nodes.filter((n) => n.alive);
  const stateOn = (n: NodeFacts): GroupRunState => n.groups[group.name]?.state ?? 'stopped';
  const holders = alive.filter((n) => stateOn(n) !== 'stopped').map((n) => n.name);
  const running = alive.filter((n) => RUNNING.includes(stateOn(n))).map((n) => n.name);
  const base = { group: group.name, holders, dualActive: running.length > 1 };
  const stop = (reason: string): GroupDecision => ({ ...base, target: null, reason, mayStart: false });

  if (admin.disabled.has(group.name)) return stop('disabled (on-fail=stop); cleanup re-enables it');
  if (!quorum.quorate && config.quorum.policy === 'stop') return stop(`no quorum (${quorum.reason}), policy stop`);
  if (!quorum.quorate && config.quorum.policy === 'freeze') {
    const keep = alive.find((n) => STICKY.includes(stateOn(n)));
    return keep
      ? { ...base, target: keep.name, reason: `no quorum (${quorum.reason}), policy freeze: stays`, mayStart: false, waitingFor: 'quorum' }
      : stop(`no quorum (${quorum.reason}), policy freeze: starts nothing`);
  }

  const excluded: string[] = [];
  const ranked: Array<{ node: NodeFacts; key: number[] }> = [];
  const move = admin.moves.get(group.name);
  nodes.forEach((n, index) => {
    const why = ineligible(n, group, input, done);
    if (why !== undefined) {
      excluded.push(`${n.name} ${why}`);
      return;
    }
    const location = group.location[n.name] === undefined ? 0 : scoreValue(group.location[n.name]!);
    let score = (group.preferred === n.name ? group.preferredScore : 0) + (Number.isFinite(location) ? location : 0);
    score += config.ping.weight * n.pingReachable;
    for (const c of config.colocations) {
      if (c.group !== group.name) continue;
      const s = scoreValue(c.score);
      if (Number.isFinite(s) && done.get(c.with)?.target === n.name) score += s;
    }
    const holder = STICKY.includes(stateOn(n)) ? 1 : 0;
    ranked.push({
      node: n,
      key: [move === n.name ? 1 : 0, location === Number.POSITIVE_INFINITY ? 1 : 0, config.autoFailback ? 0 : holder, score, holder, -index],
    });
  });
  if (ranked.length === 0) return stop(`no eligible node (${excluded.join('; ')})`);
  ranked.sort((a, b) => compareKeys(b.key, a.key));
  const best = ranked[0]!;
  const target = best.node.name;
  const [moved, pinned, sticky] = best.key;
  const reason = moved
    ? `moved to ${target}`
    : pinned
      ? `location INFINITY on ${target}`
      : sticky
        ? `stays on ${target} (auto_failback off)`
        : group.preferred === target
          ? `preferred node ${target}`
          : `best score on ${target}${excluded.length ? ` (${excluded.join('; ')})` : ''}`;
  const others = holders.filter((h) => h !== target);
  const settling = alive.filter((n) => n.phase === 'settling').map((n) => n.name);
  const aliveNames = new Set(alive.map((n) => n.name));
  // Holders a peer sees but we do not (yet): views differ for a moment after a partition heals.
  const unseen = [...new Set(alive.flatMap((n) => n.holders?.[group.name] ?? []))].filter((h) => !aliveNames.has(h));
  let waitingFor: string | undefined;
  if (others.length > 0) waitingFor = `${others.join(', ')} to stop it`;
  else if (unseen.length > 0) waitingFor = `${unseen.join(', ')} (seen holding it by a peer)`;
  else if (settling.length > 0) waitingFor = `${settling.join(', ')} to settle`;
  return { ...base, target, reason, mayStart: waitingFor === undefined, ...(waitingFor ? { waitingFor } : {}) };
}

function ineligible(n: NodeFacts, group: AgentGroup, input: PlacementInput, done: Map<string, GroupDecision>): string | undefined {
  const { config, admin } = input;
  if (!n.alive) return 'is not in this partition';
  if (n.phase === 'leaving') return 'is shutting down';
  if (n.isolated) return 'lost carrier on every heartbeat link';
  if (admin.standby.has(n.name)) return 'is in standby';
  if (n.pingReachable < config.ping.minReachable) return `reaches ${n.pingReachable}/${config.ping.targets.length} ping nodes`;
  if (n.groups[group.name]?.banned) return 'reached the migration threshold';
  const loc = group.location[n.name];
  if (loc !== undefined && scoreValue(loc) === Number.NEGATIVE_INFINITY) return 'is banned by location -INFINITY';
  for (const c of config.colocations) {
    if (c.group !== group.name) continue;
    const withTarget = done.get(c.with)?.target ?? null;
    const s = scoreValue(c.score);
    if (s === Number.POSITIVE_INFINITY && withTarget !== n.name) return `does not run ${c.with} (colocation)`;
    if (s === Number.NEGATIVE_INFINITY && withTarget === n.name) return `runs ${c.with} (anti-colocation)`;
  }
  return undefined;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Groups a colocation depends on are decided first. */
export function colocationOrder(config: AgentConfig): AgentGroup[] {
  const byName = new Map(config.groups.map((g) => [g.name, g]));
  const out: AgentGroup[] = [];
  const seen = new Set<string>();
  const visit = (g: AgentGroup): void => {
    if (seen.has(g.name)) return;
    seen.add(g.name);
    for (const c of config.colocations) if (c.group === g.name && byName.has(c.with)) visit(byName.get(c.with)!);
    out.push(g);
  };
  for (const g of config.groups) visit(g);
  return out;
}
