import type { AgentGroup, AgentResource, OnFail } from '../config/index.js';
import type { GroupReport, GroupRunState } from '../protocol/report.js';
import { withTimeout, type DriverEnv, type MonitorResult, type ResourceDriver } from '../resources/driver.js';
import { createDriver } from '../resources/registry.js';
import type { FailCounts } from './failcounts.js';

type MemberState = 'stopped' | 'started' | 'unknown';
type Op = 'start' | 'stop' | 'monitor';

export interface FailureEvent {
  group: string;
  resource: string;
  op: Op;
  reason: string;
  onFail: OnFail;
  count: number;
}

export interface RunnerHooks {
  /** Every transition of the group on this node, with its cause. */
  onState(group: string, from: GroupRunState, to: GroupRunState, cause: string): void;
  /** A failed operation; on-fail standby/fence/stop are escalated by the agent. */
  onFailure(event: FailureEvent): void;
  /** Anything in the report changed (fail counts, ban). */
  onChange(): void;
  onOp?(group: string, resource: string, op: Op, ms: number, ok: boolean): void;
}

interface Member {
  res: AgentResource;
  driver: ResourceDriver;
  state: MemberState;
  timer?: NodeJS.Timeout;
  /** Bumped whenever the member is stopped, so a monitor result from before is ignored. */
  epoch: number;
}

/** start-failure-is-fatal: a start failure bans the resource from this node until cleanup. */
const FATAL = 1_000_000;
const SLACK_MS = 1000;

/**
 * Drives one group on this node toward the desired state: members start in order and stop in reverse, each
 * started member is monitored, failures count per resource and trigger the member's on-fail policy.
 */
export class GroupRunner {
  state: GroupRunState = 'stopped';
  private desired: 'started' | 'stopped' | undefined;
  private looping = false;
  private restartFrom: number | undefined;
  private expiryTimer?: NodeJS.Timeout;
  private readonly members: Member[];
  private closed = false;
  private stopCause: string | undefined;
  /** Aborts the start in progress once its result no longer matters. */
  private startAbort: AbortController | undefined;
  private startCause: string | undefined;

  constructor(
    readonly group: AgentGroup,
    env: DriverEnv,
    private readonly fails: FailCounts,
    private readonly hooks: RunnerHooks,
    driverFor: (res: AgentResource, env: DriverEnv) => ResourceDriver = createDriver,
  ) {
    this.members = group.members.map((res) => ({ res, driver: driverFor(res, env), state: 'stopped', epoch: 0 }));
  }

  /** Finds resources left running (agent restart, manual start); they stay "stopping" until told what to do. */
  async probe(): Promise<void> {
    for (const m of this.members) {
      if (m.driver.monitorOnly) {
        m.state = 'stopped';
        continue;
      }
      const r = await this.runMonitor(m);
      m.state = r.state === 'running' ? 'started' : r.state === 'stopped' ? 'stopped' : 'unknown';
    }
    const dirty = this.members.filter((m) => m.state !== 'stopped').map((m) => m.res.id);
    if (dirty.length > 0) this.setState('stopping', `probe found ${dirty.join(', ')} active on this node`);
  }

  /** `cause` is logged with the transitions this request leads to. */
  want(desired: 'started' | 'stopped', cause?: string): void {
    if (this.closed || this.desired === desired) return;
    this.desired = desired;
    if (desired === 'stopped') this.startAbort?.abort();
    this.stopCause = desired === 'stopped' ? cause : undefined;
    this.startCause = desired === 'started' ? cause : undefined;
    void this.loop();
  }

  get wanted(): 'started' | 'stopped' | undefined {
    return this.desired;
  }

  report(): GroupReport {
    return { state: this.state, banned: this.banned() };
  }

  banned(): boolean {
    const threshold = this.group.migrationThreshold;
    return this.members.some((m) => {
      this.fails.expire(m.res.id, this.group.failureTimeoutMs);
      const c = this.fails.count(m.res.id);
      return c >= FATAL || (threshold > 0 && c >= threshold);
    });
  }

  memberStates(): Array<{ id: string; class: AgentResource['class']; state: MemberState }> {
    return this.members.map((m) => ({ id: m.res.id, class: m.res.class, state: m.state }));
  }

  has(resource: string): boolean {
    return this.members.some((m) => m.res.id === resource);
  }

  /** crm resource cleanup: forget failures; a blocked or unclean group is probed again. */
  async cleanup(resource?: string): Promise<void> {
    for (const m of this.members) if (resource === undefined || m.res.id === resource) this.fails.clear(m.res.id);
    if (this.state === 'blocked' || this.state === 'failed') {
      for (const m of this.members) this.cancelMonitor(m);
      this.state = 'stopped';
      await this.probe();
      if (this.state === 'stopped') this.hooks.onState(this.group.name, 'failed', 'stopped', 'cleanup: nothing active');
    }
    this.hooks.onChange();
    void this.loop();
  }

  /** Re-announces what runs here (gratuitous ARP for its addresses); returns the members that did. */
  announce(): string[] {
    if (this.state !== 'running') return [];
    return this.members.filter((m) => m.state === 'started' && m.driver.announce).map((m) => {
      m.driver.announce!();
      return m.res.id;
    });
  }

  /** Stops timers; resources keep running (used after SIGKILL-like aborts and in tests). */
  close(): void {
    this.closed = true;
    for (const m of this.members) {
      this.cancelMonitor(m);
      m.driver.close?.();
    }
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
  }

  /** Resolves once the loop is idle. */
  async settle(): Promise<void> {
    while (this.looping) await new Promise((r) => setTimeout(r, 5));
  }

  private setState(to: GroupRunState, cause: string): void {
    const from = this.state;
    if (from === to) return;
    this.state = to;
    this.hooks.onState(this.group.name, from, to, cause);
  }

  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    try {
      for (let guard = 0; guard < 100 && !this.closed; guard++) {
        if (this.state === 'blocked' || this.state === 'failed') return;
        if (this.desired === 'started') {
          if (this.restartFrom !== undefined) {
            const from = this.restartFrom;
            this.restartFrom = undefined;
            await this.stopMembers(from, 'restart after monitor failure', true);
            continue;
          }
          if (this.state !== 'running') {
            await this.startMembers();
            continue;
          }
        } else if (this.desired === 'stopped' && this.state !== 'stopped') {
          await this.stopMembers(0, this.stopCause ?? 'placed elsewhere');
          continue;
        }
        return;
      }
    } finally {
      this.looping = false;
    }
  }

  private async startMembers(): Promise<void> {
    this.setState('starting', this.startCause ?? 'placed on this node');
    for (const m of this.members) {
      if (this.desired !== 'started' || this.closed) return;
      if (m.state === 'started') {
        if (!m.timer) this.scheduleMonitor(m);
        continue;
      }
      const t0 = performance.now();
      const abort = new AbortController();
      this.startAbort = abort;
      try {
        const ctx = { timeoutMs: m.res.ops.start.timeoutMs, signal: abort.signal };
        await withTimeout(m.driver.start(ctx), ctx.timeoutMs + SLACK_MS, `start ${m.res.id}`);
        this.hooks.onOp?.(this.group.name, m.res.id, 'start', performance.now() - t0, true);
        m.state = 'started';
        this.scheduleMonitor(m);
      } catch (err) {
        this.hooks.onOp?.(this.group.name, m.res.id, 'start', performance.now() - t0, false);
        m.state = 'unknown';
        // Given up on purpose (stop requested, earlier member failed): not a failure of this resource.
        if (abort.signal.aborted) return;
        if (this.fail(m, 'start', (err as Error).message) === 'continue') {
          m.state = 'started';
          continue;
        }
        return;
      }
    }
    if (this.desired === 'started') this.setState('running', 'all members started');
  }

  /** A restart keeps reporting 'starting' so no peer takes the group over while it is briefly down. */
  private async stopMembers(from: number, cause: string, restart = false): Promise<void> {
    this.setState(restart ? 'starting' : 'stopping', cause);
    for (let i = this.members.length - 1; i >= from; i--) {
      const m = this.members[i]!;
      this.cancelMonitor(m);
      if (m.state === 'stopped') continue;
      const t0 = performance.now();
      try {
        const ctx = { timeoutMs: m.res.ops.stop.timeoutMs };
        await withTimeout(m.driver.stop(ctx), ctx.timeoutMs + SLACK_MS, `stop ${m.res.id}`);
        this.hooks.onOp?.(this.group.name, m.res.id, 'stop', performance.now() - t0, true);
        m.state = 'stopped';
      } catch (err) {
        this.hooks.onOp?.(this.group.name, m.res.id, 'stop', performance.now() - t0, false);
        if (this.fail(m, 'stop', (err as Error).message) === 'continue') {
          m.state = 'stopped';
          continue;
        }
        return;
      }
    }
    if (!restart) this.setState('stopped', cause);
  }

  /** Applies on-fail; 'continue' when the failure is to be ignored. */
  private fail(m: Member, op: Op, reason: string): 'continue' | 'handled' {
    const onFail = m.res.ops[op].onFail;
    if (onFail === 'ignore') {
      this.hooks.onFailure({ group: this.group.name, resource: m.res.id, op, reason, onFail, count: this.fails.count(m.res.id) });
      return 'continue';
    }
    const fatal = op === 'start' && onFail === 'restart';
    if (op === 'monitor') this.startAbort?.abort();
    const count = this.fails.record(m.res.id, op, reason, fatal);
    this.scheduleExpiry(m.res.id);
    this.hooks.onFailure({ group: this.group.name, resource: m.res.id, op, reason, onFail, count });
    if (op === 'stop') {
      // An unclean stop keeps the group held here so no other node starts it on top of a half-stopped one.
      this.setState('failed', `stop of ${m.res.id} failed: ${reason}`);
    } else if (onFail === 'block') {
      for (const x of this.members) this.cancelMonitor(x);
      this.setState('blocked', `${op} of ${m.res.id} failed (on-fail=block): ${reason}`);
    } else if (op === 'start') {
      // restart: banned here now (fatal count); stop/standby/fence: escalated by the agent. Either way, stop here.
      this.desired = 'stopped';
    } else if (onFail === 'restart' && !this.banned()) {
      this.restartFrom = this.members.indexOf(m);
    } else {
      this.desired = 'stopped';
    }
    this.hooks.onChange();
    void Promise.resolve().then(() => this.loop());
    return 'handled';
  }

  private scheduleMonitor(m: Member): void {
    const { intervalMs } = m.res.ops.monitor;
    if (intervalMs <= 0 || this.closed) return;
    this.cancelMonitor(m);
    const epoch = m.epoch;
    m.timer = setTimeout(() => {
      m.timer = undefined;
      void this.monitorOnce(m, epoch);
    }, intervalMs);
  }

  private async monitorOnce(m: Member, epoch: number): Promise<void> {
    if (m.state !== 'started' || (this.state !== 'running' && this.state !== 'starting')) return;
    const r = await this.runMonitor(m);
    if (m.epoch !== epoch || m.state !== 'started' || this.closed) return;
    if (r.state === 'running') {
      this.scheduleMonitor(m);
      return;
    }
    m.state = 'unknown';
    const index = this.members.indexOf(m);
    // An earlier member's failure is already being handled; its restart covers this one.
    if (this.members.slice(0, index).some((e) => e.state === 'unknown')) return;
    let culprit = m;
    let detail = r.state === 'stopped' ? `not running${r.detail ? ` (${r.detail})` : ''}` : r.detail;
    // A check (e.g. http) often notices first that an earlier member (the process) died: blame and restart that one.
    for (const e of this.members.slice(0, index)) {
      if (e.state !== 'started' || e.driver.monitorOnly) continue;
      const er = await this.runMonitor(e);
      if (this.closed || m.epoch !== epoch) return;
      if (er.state !== 'running') {
        this.cancelMonitor(e);
        e.state = 'unknown';
        culprit = e;
        detail = er.state === 'stopped' ? `not running${er.detail ? ` (${er.detail})` : ''}` : er.detail;
        break;
      }
    }
    if (this.fail(culprit, 'monitor', detail) === 'continue') {
      culprit.state = 'started';
      m.state = 'started';
      this.scheduleMonitor(culprit);
      if (culprit !== m) this.scheduleMonitor(m);
    }
  }

  private async runMonitor(m: Member): Promise<MonitorResult> {
    const ctx = { timeoutMs: m.res.ops.monitor.timeoutMs, intervalMs: m.res.ops.monitor.intervalMs };
    const t0 = performance.now();
    try {
      const r = await withTimeout(m.driver.monitor(ctx), ctx.timeoutMs + SLACK_MS, `monitor ${m.res.id}`);
      this.hooks.onOp?.(this.group.name, m.res.id, 'monitor', performance.now() - t0, r.state === 'running');
      return r;
    } catch (err) {
      return { state: 'failed', detail: (err as Error).message };
    }
  }

  private cancelMonitor(m: Member): void {
    m.epoch++;
    if (m.timer) clearTimeout(m.timer);
    m.timer = undefined;
  }

  private scheduleExpiry(resource: string): void {
    const ms = this.fails.expiresIn(resource, this.group.failureTimeoutMs);
    if (ms === undefined) return;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(() => {
      this.expiryTimer = undefined;
      if (this.fails.expire(resource, this.group.failureTimeoutMs)) this.hooks.onChange();
    }, ms + 1);
    this.expiryTimer.unref();
  }
}
