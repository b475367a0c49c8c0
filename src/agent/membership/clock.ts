/** Time and timers behind one interface so membership timing can be tested with a manual clock. */
export interface Clock {
  /** Monotonic milliseconds (never wall-clock: deadtime must not jump with NTP). */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs fn after pending I/O callbacks (setImmediate), so queued heartbeats are read before a verdict. */
  defer(fn: () => void): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  defer: (fn) => void setImmediate(fn),
};
