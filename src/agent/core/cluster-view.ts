import type { FailCounts } from '../manager/failcounts.js';
import type { GroupRunner } from '../manager/group-runner.js';
import type { CarrierMonitor } from '../membership/carrier.js';
import type { Membership } from '../membership/members.js';
import type { PingMonitor } from '../membership/ping.js';
import type { AdminRegisters } from './admin.js';
import type { NodeFacts } from '../placement/place.js';
import type { NodeReport } from '../protocol/report.js';
import type { AgentContext } from './context.js';
import type { Peer } from './heartbeats.js';
import type { Settling } from './settling.js';

export interface ClusterViewOptions {
  ctx: AgentContext;
  runners: ReadonlyMap<string, GroupRunner>;
  fails: FailCounts;
  admin: AdminRegisters;
  ping: PingMonitor;
  membership: Membership;
  peers: ReadonlyMap<string, Peer>;
  settling: Settling;
  /** Present once the agent watches its heartbeat NICs (clusters of more than one node). */
  carrier(): CarrierMonitor | undefined;
}

/** What this node knows: the report it sends, and the facts about every node that placement decides on. */
export class ClusterView {
  constructor(private readonly o: ClusterViewOptions) {}

  report(): NodeReport {
    const groups: NodeReport['groups'] = {};
    for (const [name, r] of this.o.runners) groups[name] = r.report();
    return {
      phase: this.o.settling.phase,
      pingReachable: this.o.ping.reachable(),
      groups,
      holders: this.seenHolders(),
      failCounts: this.o.fails.report(),
      failedActions: this.o.fails.failedActions(),
      admin: this.o.admin.list(),
    };
  }

  /** Every node's last report, this node's own included. */
  reports(): Map<string, NodeReport | undefined> {
    const { config, node } = this.o.ctx;
    return new Map(config.nodes.map((n) => [n.name, n.name === node ? this.report() : this.o.peers.get(n.name)?.report]));
  }

  facts(): NodeFacts[] {
    const { config, node } = this.o.ctx;
    return config.nodes.map((n): NodeFacts => {
      if (n.name === node) {
        const r = this.report();
        return { name: n.name, alive: true, phase: this.o.settling.phase, pingReachable: r.pingReachable, groups: r.groups, isolated: this.o.carrier()?.allDown() ?? false };
      }
      const report = this.o.peers.get(n.name)?.report;
      const alive = this.o.membership.isAlive(n.name) && report !== undefined;
      return {
        name: n.name,
        alive,
        phase: report?.phase ?? 'settling',
        pingReachable: report?.pingReachable ?? 0,
        groups: report?.groups ?? {},
        holders: report?.holders ?? {},
      };
    });
  }

  /** Which live peers hold which groups: peers pass this on, so a node learns of holders it cannot hear itself. */
  private seenHolders(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [name, peer] of this.o.peers) {
      if (!peer.report || !this.o.membership.isAlive(name)) continue;
      for (const [group, g] of Object.entries(peer.report.groups)) if (g.state !== 'stopped') (out[group] ??= []).push(name);
    }
    return out;
  }
}
