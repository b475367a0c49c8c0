export type ReplayVerdict = 'fresh' | 'new-generation' | 'replay' | 'too-old' | 'old-generation';

const WINDOW = 256;

/**
 * How far ahead of the receiver's wall clock a new generation may be. A generation is the sender's wall-clock ms at
 * boot (never below its last one), so a real one is at most the clock skew between the nodes ahead; a day covers an
 * RTC kept in local time (up to 14 h) before NTP corrects it. Without the bound one forged packet with a huge
 * generation (crc authenticates nothing) would make every real packet of that node "old" for good.
 */
export const MAX_GENERATION_AHEAD_MS = 24 * 3600_000;

/**
 * Sliding window (as IPsec's) over sequence numbers of one sender on one link: each (generation, seq) is accepted
 * once; a lower generation (a previous boot) never again. Copies arriving out of order inside the window pass.
 */
export class ReplayWindow {
  private generation = -1;
  private top = -1;
  private readonly seen = new Uint8Array(WINDOW);

  /** Commits the packet as seen when it is acceptable; call only after the MAC was verified. */
  accept(generation: number, seq: number): ReplayVerdict {
    if (generation < this.generation) return 'old-generation';
    if (generation > this.generation) {
      this.generation = generation;
      this.top = seq;
      this.seen.fill(0);
      this.seen[seq % WINDOW] = 1;
      return 'new-generation';
    }
    if (seq > this.top) {
      if (seq - this.top >= WINDOW) this.seen.fill(0);
      else for (let s = this.top + 1; s < seq; s++) this.seen[s % WINDOW] = 0;
      this.top = seq;
      this.seen[seq % WINDOW] = 1;
      return 'fresh';
    }
    if (this.top - seq >= WINDOW) return 'too-old';
    if (this.seen[seq % WINDOW] === 1) return 'replay';
    this.seen[seq % WINDOW] = 1;
    return 'fresh';
  }

  get currentGeneration(): number {
    return this.generation;
  }
}
