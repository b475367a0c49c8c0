import type { Authenticator } from './auth.js';
import { decodePacket, type DropReason, type Packet } from './packet.js';
import { MAX_GENERATION_AHEAD_MS, ReplayWindow } from './replay.js';

export type FilterDrop = DropReason | 'self' | 'unknown-node' | 'replay' | 'too-old' | 'old-generation' | 'future-generation';

export interface Accepted {
  packet: Packet;
  /** The payload carries a state not applied yet: decode and apply it. */
  newState: boolean;
  /** First packet of a generation not seen before from this node (it restarted). */
  newGeneration: boolean;
}

interface PeerCounters {
  generation: number;
  stateVersion: number;
  windows: Map<string, ReplayWindow>;
}

/**
 * Everything between a datagram and the membership layer: decode, authenticate, drop replays per link and
 * old generations per node. Only `accept` mutates, and only for authentic, fresh packets.
 */
export class PacketFilter {
  readonly drops = new Map<FilterDrop, number>();
  accepted = 0;
  private readonly peers = new Map<string, PeerCounters>();

  constructor(
    private readonly auth: Authenticator,
    private readonly cluster: string,
    private readonly self: string,
    nodes: readonly string[],
    /** wall-clock ms, to bound how far ahead a new generation may be */
    private readonly wallClock: () => number = Date.now,
  ) {
    for (const n of nodes) if (n !== self) this.peers.set(n, { generation: -1, stateVersion: -1, windows: new Map() });
  }

  accept(buf: Buffer, link: string): Accepted | undefined {
    const d = decodePacket(buf, this.auth, this.cluster);
    if (!d.ok) return this.drop(d.reason);
    const p = d.packet;
    if (p.node === this.self) return this.drop('self');
    const peer = this.peers.get(p.node);
    if (peer === undefined) return this.drop('unknown-node');
    if (p.generation < peer.generation) return this.drop('old-generation');
    if (p.generation > peer.generation && p.generation > this.wallClock() + MAX_GENERATION_AHEAD_MS) return this.drop('future-generation');
    let window = peer.windows.get(link);
    if (window === undefined) {
      window = new ReplayWindow();
      peer.windows.set(link, window);
    }
    const verdict = window.accept(p.generation, p.seq);
    if (verdict === 'replay' || verdict === 'too-old' || verdict === 'old-generation') return this.drop(verdict);
    const newGeneration = p.generation > peer.generation;
    if (newGeneration) {
      peer.generation = p.generation;
      peer.stateVersion = -1;
    }
    const newState = p.stateVersion > peer.stateVersion;
    if (newState) peer.stateVersion = p.stateVersion;
    this.accepted++;
    return { packet: p, newState, newGeneration };
  }

  /** A peer's state payload turned out unusable: let its next packet with that state try again. */
  rejectState(node: string): void {
    const peer = this.peers.get(node);
    if (peer) peer.stateVersion = -1;
  }

  dropCounts(): Record<string, number> {
    return Object.fromEntries(this.drops);
  }

  private drop(reason: FilterDrop): undefined {
    this.drops.set(reason, (this.drops.get(reason) ?? 0) + 1);
    return undefined;
  }
}
