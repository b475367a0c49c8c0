import type { Clock } from '../../src/agent/membership/clock.js';
import { parseAgentConfig } from '../../src/agent/config/index.js';
import type { AgentConfig } from '../../src/agent/config/index.js';

/** A clock whose time only moves when the test says so; timers and deferred calls run in time order. */
export class ManualClock implements Clock {
  private t = 0;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private deferred: Array<() => void> = [];

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  defer(fn: () => void): void {
    this.deferred.push(fn);
  }

  /** Advances to now + ms, firing every timer due on the way (and what they defer). */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.flushDeferred();
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at); // overdue timers (after a freeze) fire late
      next[1].fn();
    }
    this.t = end;
    this.flushDeferred();
  }

  /** The process was frozen for ms: time moves, no timer fires until the next advance. */
  freeze(ms: number): void {
    this.t += ms;
  }

  private flushDeferred(): void {
    while (this.deferred.length) this.deferred.shift()!();
  }
}

export const KEY = 'test-key-0123456789';

/** A valid two-node document; `patch` overrides top-level fields. */
export function twoNodeDoc(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    cluster: 'test',
    nodes: [
      { name: 'sv1', addresses: { ic: '192.168.0.2/24' } },
      { name: 'sv2', addresses: { ic: '192.168.0.3/24' } },
    ],
    links: [{ name: 'ic', mode: 'ucast' }],
    auth: { method: 'sha256', key: KEY },
    groups: [
      {
        name: 'web',
        preferred: 'sv1',
        members: [
          { id: 'vip', class: 'ipaddr2', ip: '172.16.0.1', cidr: 24, nic: 'eth0' },
          { id: 'svc', class: 'exec', start: 'true', monitor: 'true' },
        ],
      },
    ],
    ...patch,
  };
}

export function twoNodeConfig(patch: Record<string, unknown> = {}): AgentConfig {
  return parseAgentConfig(twoNodeDoc(patch));
}
