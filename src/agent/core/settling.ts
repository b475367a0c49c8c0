import type { MembershipEvent, Membership } from '../membership/members.js';
import type { PingMonitor, PingTargetStatus } from '../membership/ping.js';
import type { NodeReport } from '../protocol/report.js';
import type { AgentContext } from './context.js';

export type Phase = NodeReport['phase'];

/**
 * Membership and ping events, and the phase they settle: a node decides nothing while `settling` (it has not yet
 * heard or given up on every peer, checked its ping nodes and probed its resources), then is `active` until it is
 * `leaving`.
 */
export class Settling {
  private current: Phase = 'settling';
  private probed = false;

  constructor(
    private readonly ctx: AgentContext,
    private readonly membership: Membership,
    private readonly ping: PingMonitor,
  ) {}

  get phase(): Phase {
    return this.current;
  }

  /** Every resource has been probed once: what runs here is known. */
  resourcesProbed(): void {
    this.probed = true;
    this.check();
  }

  onMembership(e: MembershipEvent): void {
    if (e.kind === 'node') {
      this.ctx.emit({ event: 'node-state', peer: e.node, from: e.from, to: e.to, cause: e.cause });
      this.check();
      if (e.to !== 'warn') {
        this.ctx.markDirty();
        this.ctx.scheduleReconcile();
      }
    } else if (e.kind === 'link') {
      this.ctx.emit({ event: 'link-state', peer: e.node, link: e.link, from: e.from, to: e.to, cause: e.cause });
    } else {
      this.ctx.emit({ event: 'stall', ms: e.ms });
    }
  }

  onPing(target: string, state: PingTargetStatus['state'], cause: string): void {
    this.ctx.emit({ event: 'ping-state', target, state, cause, reachable: this.ping.reachable() });
    this.ctx.markDirty();
    this.check();
    this.ctx.scheduleReconcile();
  }

  /** A peer that is already active has decided about us: no need to wait out the rest of initdead. */
  onPeerPhase(phase: Phase): void {
    if (phase === 'active' && this.current === 'settling') this.membership.shortenInitdead();
  }

  set(phase: Phase, cause: string): void {
    if (this.current === phase) return;
    this.ctx.emit({ event: 'phase', from: this.current, to: phase, cause });
    this.current = phase;
    this.ctx.markDirty();
  }

  private check(): void {
    if (this.current !== 'settling' || !this.probed) return;
    if (!this.membership.settled() || !this.ping.determined()) return;
    this.set('active', 'every peer heard or declared dead, ping nodes checked, resources probed');
    this.ctx.scheduleReconcile();
  }
}
