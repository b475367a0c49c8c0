export type ReplayVerdict = 'fresh' | 'new-generation' | 'replay' | 'too-old' | 'old-generation';

const WINDOW = 256;

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
