import type { FailCountReport, FailedActionReport } from '../protocol/report.js';

interface Entry {
  count: number;
  /** wall-clock ms, for display and peers */
  lastAt: number;
  /** monotonic ms, for failure-timeout */
  lastMono: number;
}

const MAX_FAILED_ACTIONS = 20;

/** Per-resource fail counts on this node and the recent failed operations (crm_mon's "Failed actions"). */
export class FailCounts {
  private readonly counts = new Map<string, Entry>();
  private actions: FailedActionReport[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** `fatal` = start failure: the resource may not run here again until cleanup (pacemaker: INFINITY). */
  record(resource: string, op: FailedActionReport['op'], reason: string, fatal = false): number {
    const e = this.counts.get(resource) ?? { count: 0, lastAt: 0, lastMono: 0 };
    e.count = fatal ? Math.max(e.count + 1, 1_000_000) : e.count + 1;
    e.lastAt = Date.now();
    e.lastMono = this.now();
    this.counts.set(resource, e);
    this.actions.push({ resource, op, reason: reason.slice(0, 500), at: e.lastAt });
    if (this.actions.length > MAX_FAILED_ACTIONS) this.actions = this.actions.slice(-MAX_FAILED_ACTIONS);
    return e.count;
  }

  count(resource: string): number {
    return this.counts.get(resource)?.count ?? 0;
  }

  /** Forgets counts older than timeoutMs; returns the resources whose count expired. */
  expire(resource: string, timeoutMs: number): boolean {
    const e = this.counts.get(resource);
    if (!e || timeoutMs <= 0 || this.now() - e.lastMono < timeoutMs) return false;
    this.counts.delete(resource);
    return true;
  }

  /** ms until the count of `resource` expires, or undefined. */
  expiresIn(resource: string, timeoutMs: number): number | undefined {
    const e = this.counts.get(resource);
    if (!e || timeoutMs <= 0) return undefined;
    return Math.max(0, e.lastMono + timeoutMs - this.now());
  }

  clear(resource?: string): void {
    if (resource === undefined) {
      this.counts.clear();
      this.actions = [];
      return;
    }
    this.counts.delete(resource);
    this.actions = this.actions.filter((a) => a.resource !== resource);
  }

  report(): FailCountReport[] {
    return [...this.counts].map(([resource, e]) => ({ resource, count: e.count, lastAt: e.lastAt }));
  }

  failedActions(): FailedActionReport[] {
    return [...this.actions];
  }
}
