import type { AgentConfig } from '../config/index.js';
import type { GroupRunner } from '../manager/group-runner.js';
import type { Membership } from '../membership/members.js';
import type { PingTargetStatus } from '../membership/ping.js';
import type { QuorumState } from '../membership/quorum.js';
import type { AdminView } from '../placement/admin.js';
import type { GroupDecision } from '../placement/place.js';
import type { GroupRunState, NodeReport } from '../protocol/report.js';
import type { AgentStatus } from './status.js';
import type { LinkEndpointInfo } from '../udp/sockets.js';

export interface StatusInputs {
  config: AgentConfig;
  node: string;
  generation: number;
  seq: number;
  phase: NodeReport['phase'];
  uptimeMs: number;
  quorum: QuorumState;
  /** Nodes in this partition. */
  alive: ReadonlySet<string>;
  admin: AdminView;
  membership: Membership;
  /** Every node's last report, this node's own included. */
  reports: ReadonlyMap<string, NodeReport | undefined>;
  links: readonly LinkEndpointInfo[];
  ping: PingTargetStatus[];
  decisions: ReadonlyMap<string, GroupDecision>;
  runners: ReadonlyMap<string, GroupRunner>;
  drops: Record<string, number>;
  accepted: number;
  process: AgentStatus['process'];
}

/** The status document, as this node sees the cluster. */
export function buildStatus(i: StatusInputs): AgentStatus {
  const peers = new Map(i.membership.snapshot().map((p) => [p.node, p]));
  return {
    cluster: i.config.cluster,
    node: i.node,
    generation: i.generation,
    seq: i.seq,
    phase: i.phase,
    uptimeMs: Math.round(i.uptimeMs),
    quorum: { quorate: i.quorum.quorate, votes: i.quorum.votes, expected: i.quorum.expected, policy: i.config.quorum.policy, reason: i.quorum.reason },
    nodes: i.config.nodes.map((n) => {
      const snap = peers.get(n.name);
      const report = i.reports.get(n.name);
      return {
        name: n.name,
        self: n.name === i.node,
        status: i.membership.status(n.name),
        ...(report ? { phase: report.phase, pingReachable: report.pingReachable } : {}),
        standby: i.admin.standby.has(n.name),
        ...(snap?.silentMs !== undefined ? { silentMs: snap.silentMs } : {}),
        ...(snap ? { maxGapMs: snap.maxGapMs, lateCount: snap.lateCount } : {}),
        links: snap?.links ?? [],
      };
    }),
    links: [...i.links],
    ping: i.ping,
    groups: i.config.groups.map((g) => {
      const d = i.decisions.get(g.name);
      const states: Record<string, GroupRunState> = {};
      for (const [node, r] of i.reports) {
        const s = r?.groups[g.name]?.state;
        if (s !== undefined && s !== 'stopped' && i.alive.has(node)) states[node] = s;
      }
      const moved = i.admin.moves.get(g.name);
      return {
        name: g.name,
        target: d?.target ?? null,
        reason: d?.reason ?? (i.phase === 'settling' ? 'settling' : 'not decided'),
        ...(d?.waitingFor ? { waitingFor: d.waitingFor } : {}),
        runningOn: Object.entries(states).filter(([, s]) => s === 'running').map(([n]) => n),
        states,
        ...(moved ? { movedTo: moved } : {}),
        disabled: i.admin.disabled.has(g.name),
        members: i.runners.get(g.name)!.memberStates(),
      };
    }),
    failCounts: [...i.reports].flatMap(([node, r]) => (r?.failCounts ?? []).map((f) => ({ node, ...f }))),
    failedActions: [...i.reports].flatMap(([node, r]) => (r?.failedActions ?? []).map((f) => ({ node, ...f }))),
    drops: i.drops,
    accepted: i.accepted,
    process: i.process,
  };
}

export function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export function processInfo(): Omit<AgentStatus['process'], 'loopDelayMaxMs' | 'sendGapMaxMs'> {
  const m = process.memoryUsage();
  const c = process.cpuUsage();
  return { pid: process.pid, rss: m.rss, heapUsed: m.heapUsed, external: m.external, cpuUser: c.user, cpuSystem: c.system };
}
