import type { AgentTimings } from '../config/index.js';
import type { Clock } from './clock.js';

/** heartbeat's node states; init = not heard yet and initdead not over; left = said goodbye. */
export type NodeStatus = 'init' | 'up' | 'warn' | 'dead' | 'left';
export type LinkStatus = 'init' | 'up' | 'down';

export type MembershipEvent =
  | { kind: 'node'; node: string; from: NodeStatus; to: NodeStatus; cause: string }
  | { kind: 'link'; node: string; link: string; from: LinkStatus; to: LinkStatus; cause: string }
  /** This process was not running for `ms` (its timer fired that late); peers' silence during it is not counted. */
  | { kind: 'stall'; ms: number };

interface LinkState {
  status: LinkStatus;
  lastSeen: number;
}

interface Peer {
  name: string;
  status: NodeStatus;
  lastSeen: number;
  /** Longest silence seen between two packets while up, and how many passed warntime. */
  maxGap: number;
  lateCount: number;
  links: Map<string, LinkState>;
}

export interface PeerSnapshot {
  node: string;
  status: NodeStatus;
  /** ms since the last accepted packet; undefined if never heard. */
  silentMs?: number;
  /** Longest gap between two heartbeats while the peer was up, and how many gaps reached warntime. */
  maxGapMs: number;
  lateCount: number;
  links: Array<{ link: string; status: LinkStatus; silentMs?: number }>;
}

export interface MembershipOptions {
  self: string;
  nodes: readonly string[];
  links: readonly string[];
  timings: AgentTimings;
  clock: Clock;
  onEvent(event: MembershipEvent): void;
}

/**
 * Tracks peers from accepted packets. A single timer is armed for the earliest possible transition; heartbeats
 * only push deadlines later, so the hot path (heard) never touches timers.
 *
 * Silence is counted only while this process runs: when the timer fires later than a heartbeat interval (the
 * process or the whole machine was frozen), the freeze is added to every peer's last-seen time. A peer frozen
 * with us sends as soon as it thaws; one that really died is declared dead one freeze later.
 */
export class Membership {
  private readonly peers = new Map<string, Peer>();
  private startedAt = 0;
  private initDeadline = 0;
  private timer: unknown;
  private timerAt = Number.POSITIVE_INFINITY;
  private evaluating = false;
  private stopped = true;

  constructor(private readonly opts: MembershipOptions) {
    for (const name of opts.nodes) {
      if (name === opts.self) continue;
      const links = new Map<string, LinkState>();
      for (const l of opts.links) links.set(l, { status: 'init', lastSeen: Number.NEGATIVE_INFINITY });
      this.peers.set(name, { name, status: 'init', lastSeen: Number.NEGATIVE_INFINITY, maxGap: 0, lateCount: 0, links });
    }
  }

  start(): void {
    this.stopped = false;
    this.startedAt = this.opts.clock.now();
    this.initDeadline = this.startedAt + this.opts.timings.initdeadMs;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** An authentic, fresh packet from `node` arrived on `link`. */
  heard(node: string, link: string): void {
    const peer = this.peers.get(node);
    if (peer === undefined) return;
    const now = this.opts.clock.now();
    if (peer.status === 'up' || peer.status === 'warn') {
      const gap = now - peer.lastSeen;
      if (gap > peer.maxGap) peer.maxGap = gap;
      if (gap >= this.opts.timings.warntimeMs) peer.lateCount++;
    }
    peer.lastSeen = now;
    let changed = false;
    const l = peer.links.get(link);
    if (l !== undefined) {
      l.lastSeen = now;
      if (l.status !== 'up') {
        this.setLink(peer, link, l, 'up', l.status === 'init' ? 'first heartbeat on link' : 'heartbeats resumed on link');
        changed = true;
      }
    }
    if (peer.status !== 'up') {
      const cause =
        peer.status === 'init' ? 'first heartbeat' : peer.status === 'warn' ? 'late heartbeat arrived' : peer.status === 'left' ? 'rejoined' : 'came back';
      this.setNode(peer, 'up', cause);
      changed = true;
    }
    if ((changed || this.timer === undefined) && !this.stopped) this.schedule();
  }

  /** The peer announced a clean shutdown: dead now, without waiting for deadtime. */
  left(node: string): void {
    const peer = this.peers.get(node);
    if (peer === undefined || peer.status === 'left') return;
    this.setNode(peer, 'left', 'announced shutdown');
    for (const [name, l] of peer.links) if (l.status === 'up') this.setLink(peer, name, l, 'down', 'peer left');
  }

  /**
   * A running cluster answered, so the network is up: peers not heard within deadtime of our start are dead
   * instead of waiting the whole initdead (which exists for slow boots).
   */
  shortenInitdead(): void {
    const at = Math.max(this.opts.clock.now(), this.startedAt + this.opts.timings.deadtimeMs);
    if (at < this.initDeadline) {
      this.initDeadline = at;
      this.schedule();
    }
  }

  status(node: string): NodeStatus {
    if (node === this.opts.self) return 'up';
    return this.peers.get(node)?.status ?? 'dead';
  }

  isAlive(node: string): boolean {
    const s = this.status(node);
    return s === 'up' || s === 'warn';
  }

  /** Every peer is either heard or given up on. */
  settled(): boolean {
    for (const p of this.peers.values()) if (p.status === 'init') return false;
    return true;
  }

  snapshot(): PeerSnapshot[] {
    const now = this.opts.clock.now();
    const ago = (t: number): number | undefined => (Number.isFinite(t) ? Math.round(now - t) : undefined);
    return [...this.peers.values()].map((p) => ({
      node: p.name,
      status: p.status,
      ...(Number.isFinite(p.lastSeen) ? { silentMs: ago(p.lastSeen) } : {}),
      maxGapMs: Math.round(p.maxGap * 10) / 10,
      lateCount: p.lateCount,
      links: [...p.links].map(([link, l]) => ({ link, status: l.status, ...(Number.isFinite(l.lastSeen) ? { silentMs: ago(l.lastSeen) } : {}) })),
    }));
  }

  private schedule(): void {
    if (this.stopped) return;
    const next = this.nextDeadline();
    if (next === this.timerAt && this.timer !== undefined) return;
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = next;
    if (!Number.isFinite(next)) return;
    const delay = Math.max(0, Math.ceil(next - this.opts.clock.now()));
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      const late = this.opts.clock.now() - next;
      // Let queued datagrams be read first: after a stalled event loop they are fresher than this timer.
      this.opts.clock.defer(() => {
        if (late > this.opts.timings.keepaliveMs) this.discountStall(late);
        this.evaluate();
      });
    }, delay);
  }

  private nextDeadline(): number {
    const { warntimeMs, deadtimeMs } = this.opts.timings;
    let next = Number.POSITIVE_INFINITY;
    for (const p of this.peers.values()) {
      if (p.status === 'init') next = Math.min(next, this.initDeadline);
      else if (p.status === 'up') next = Math.min(next, p.lastSeen + warntimeMs);
      else if (p.status === 'warn') next = Math.min(next, p.lastSeen + deadtimeMs);
      for (const l of p.links.values()) {
        if (l.status === 'up') next = Math.min(next, l.lastSeen + deadtimeMs);
        else if (l.status === 'init' && p.status !== 'left' && p.status !== 'dead') next = Math.min(next, this.initDeadline);
      }
    }
    return next;
  }

  private discountStall(ms: number): void {
    const now = this.opts.clock.now();
    for (const p of this.peers.values()) {
      if (p.status !== 'up' && p.status !== 'warn') continue;
      p.lastSeen = Math.min(now, p.lastSeen + ms);
      for (const l of p.links.values()) if (l.status === 'up') l.lastSeen = Math.min(now, l.lastSeen + ms);
    }
    this.opts.onEvent({ kind: 'stall', ms: Math.round(ms) });
  }

  private evaluate(): void {
    if (this.stopped || this.evaluating) return;
    this.evaluating = true;
    try {
      const now = this.opts.clock.now();
      const { warntimeMs, deadtimeMs, initdeadMs } = this.opts.timings;
      for (const p of this.peers.values()) {
        const silent = now - p.lastSeen;
        if (p.status === 'init' && now >= this.initDeadline) {
          const waited = Math.round(now - this.startedAt);
          this.setNode(p, 'dead', waited >= initdeadMs ? `not heard within initdead (${initdeadMs} ms)` : `not heard within ${waited} ms while the cluster answered`);
        } else if ((p.status === 'up' || p.status === 'warn') && silent >= deadtimeMs) {
          this.setNode(p, 'dead', `no heartbeat for ${Math.round(silent)} ms (deadtime ${deadtimeMs} ms)`);
        } else if (p.status === 'up' && silent >= warntimeMs) {
          this.setNode(p, 'warn', `late heartbeat: ${Math.round(silent)} ms (warntime ${warntimeMs} ms)`);
        }
        for (const [name, l] of p.links) {
          if (l.status === 'up' && now - l.lastSeen >= deadtimeMs) {
            this.setLink(p, name, l, 'down', `no heartbeat on link for ${Math.round(now - l.lastSeen)} ms`);
          } else if (l.status === 'init' && now >= this.initDeadline) {
            this.setLink(p, name, l, 'down', 'never heard on link');
          }
        }
      }
    } finally {
      this.evaluating = false;
    }
    this.schedule();
  }

  private setNode(p: Peer, to: NodeStatus, cause: string): void {
    const from = p.status;
    p.status = to;
    this.opts.onEvent({ kind: 'node', node: p.name, from, to, cause });
  }

  private setLink(p: Peer, link: string, l: LinkState, to: LinkStatus, cause: string): void {
    const from = l.status;
    l.status = to;
    this.opts.onEvent({ kind: 'link', node: p.name, link, from, to, cause });
  }
}
