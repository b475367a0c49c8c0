import type { GroupRunner } from '../manager/group-runner.js';
import { computeQuorum, type QuorumState } from '../membership/quorum.js';
import { place, type GroupDecision, type NodeFacts } from '../placement/place.js';
import type { AdminRegisters } from './admin.js';
import type { ClusterView } from './cluster-view.js';
import type { AgentContext } from './context.js';
import type { Fencer } from './fencing.js';
import type { Peer } from './heartbeats.js';
import type { Roles } from './roles.js';
import type { Settling } from './settling.js';

export interface ReconcileOptions {
  ctx: AgentContext;
  view: ClusterView;
  settling: Settling;
  admin: AdminRegisters;
  runners: ReadonlyMap<string, GroupRunner>;
  peers: ReadonlyMap<string, Peer>;
  roles: Roles;
  fencer: Fencer;
}

/** Decides where each group runs (the pure `place`) and moves this node's groups towards it. */
export class Reconciler {
  private scheduled = false;
  private current = new Map<string, GroupDecision>();
  private quorumState?: QuorumState;
  /** Groups seen active here and on another node at once; re-announced once the other side lets go. */
  private readonly dualActive = new Set<string>();

  constructor(private readonly o: ReconcileOptions) {}

  get decisions(): ReadonlyMap<string, GroupDecision> {
    return this.current;
  }

  /** The last quorum verdict, or one from the facts now when no decision has been made yet. */
  quorum(facts: NodeFacts[]): QuorumState {
    return this.quorumState ?? computeQuorum(this.o.ctx.config.quorum, facts.filter((f) => f.alive).length);
  }

  schedule(): void {
    if (this.scheduled || this.o.ctx.isClosed()) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.run();
    });
  }

  private run(): void {
    const { ctx } = this.o;
    if (this.o.settling.phase !== 'active' || ctx.isClosed()) return;
    const facts = this.o.view.facts();
    const votes = facts.filter((f) => f.alive).length;
    const quorum = computeQuorum(ctx.config.quorum, votes);
    if (this.quorumState?.quorate !== quorum.quorate || this.quorumState.votes !== quorum.votes) {
      ctx.emit({ event: 'quorum', quorate: quorum.quorate, votes, expected: quorum.expected, cause: quorum.reason });
    }
    this.quorumState = quorum;
    const decisions = place({ config: ctx.config, nodes: facts, admin: this.o.admin.view(), quorum });
    for (const d of decisions.values()) {
      const prev = this.current.get(d.group);
      if (prev?.target !== d.target || prev?.reason !== d.reason) {
        ctx.emit({ event: 'placement', group: d.group, from: prev?.target ?? null, to: d.target, cause: d.reason, moved: prev?.target !== d.target });
      }
      this.apply(d, facts);
    }
    this.current = decisions;
  }

  private apply(d: GroupDecision, facts: NodeFacts[]): void {
    const { ctx, roles, fencer } = this.o;
    const self = ctx.node;
    const runner = this.o.runners.get(d.group)!;
    if (d.target !== self) {
      this.dualActive.delete(d.group);
      runner.want('stopped', d.target ? `placed on ${d.target}: ${d.reason}` : d.reason);
      if (runner.state === 'stopped') roles.set(d.group, 'backup', d.target ? `runs on ${d.target}` : d.reason);
      return;
    }
    if (d.dualActive && runner.state === 'running') {
      this.dualActive.add(d.group);
      for (const other of d.holders.filter((h) => h !== self)) fencer.fence(other, `partition healed with ${d.group} active on both ${self} and ${other}; ${other} loses`);
    } else if (this.dualActive.delete(d.group) && runner.state === 'running') {
      // Clients learnt the loser's MAC while both sides ran the group: point them back here.
      ctx.emit({ event: 'reannounce', group: d.group, resources: runner.announce() });
    }
    if (runner.state === 'running' || runner.state === 'starting') {
      runner.want('started');
      return;
    }
    if (!d.mayStart) return;
    if (ctx.config.fencing?.onPeerDeath) {
      const deadHolders = facts
        .filter((f) => !f.alive && f.name !== self)
        .filter((f) => {
          const s = this.o.peers.get(f.name)?.report?.groups[d.group]?.state;
          return s !== undefined && s !== 'stopped';
        })
        .map((f) => f.name);
      const pending = deadHolders.filter((n) => !fencer.isFenced(n));
      if (pending.length > 0) {
        for (const n of pending) fencer.fence(n, `${n} died holding ${d.group}`);
        return;
      }
    }
    runner.want('started', d.reason);
  }
}
