import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { AgentPing } from '../config/index.js';
import type { Clock } from './clock.js';

export interface PingTargetStatus {
  target: string;
  state: 'unknown' | 'reachable' | 'unreachable';
  /** ms since the last echo reply. */
  silentMs?: number;
}

export interface PingOptions {
  ping: AgentPing;
  clock: Clock;
  onChange(target: string, state: PingTargetStatus['state'], cause: string): void;
  onError(target: string, message: string): void;
  /** argv for one continuous pinger; replaced in tests. */
  command?: (target: string, intervalMs: number) => string[];
}

interface Target {
  target: string;
  state: PingTargetStatus['state'];
  lastReply: number;
  child?: ChildProcess;
  restartTimer?: unknown;
}

const REPLY = /bytes from .*icmp_seq=\d+/;

/** One long-running iputils `ping` per target, read line by line (it flushes each reply), like pingd. */
export class PingMonitor {
  private readonly targets: Target[];
  private startedAt = 0;
  private timer: unknown;
  private stopped = true;

  constructor(private readonly opts: PingOptions) {
    this.targets = opts.ping.targets.map((target) => ({ target, state: 'unknown', lastReply: Number.NEGATIVE_INFINITY }));
  }

  start(): void {
    this.stopped = false;
    this.startedAt = this.opts.clock.now();
    for (const t of this.targets) this.spawnPinger(t);
    if (this.targets.length > 0) this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
    for (const t of this.targets) {
      if (t.restartTimer !== undefined) this.opts.clock.clearTimeout(t.restartTimer);
      if (t.child?.pid !== undefined && t.child.exitCode === null) t.child.kill('SIGTERM');
    }
  }

  reachable(): number {
    return this.targets.filter((t) => t.state === 'reachable').length;
  }

  /** Every target either answered or had deadMs to do so. */
  determined(): boolean {
    return this.targets.every((t) => t.state !== 'unknown');
  }

  snapshot(): PingTargetStatus[] {
    const now = this.opts.clock.now();
    return this.targets.map((t) => ({
      target: t.target,
      state: t.state,
      ...(Number.isFinite(t.lastReply) ? { silentMs: Math.round(now - t.lastReply) } : {}),
    }));
  }

  /** Exposed for tests and for replies parsed elsewhere. */
  reply(target: string): void {
    const t = this.targets.find((x) => x.target === target);
    if (!t) return;
    t.lastReply = this.opts.clock.now();
    if (t.state !== 'reachable') this.set(t, 'reachable', t.state === 'unknown' ? 'first echo reply' : 'echo replies resumed');
  }

  private tick(): void {
    if (this.stopped) return;
    const now = this.opts.clock.now();
    const { deadMs, intervalMs } = this.opts.ping;
    for (const t of this.targets) {
      if (t.state === 'reachable' && now - t.lastReply >= deadMs) this.set(t, 'unreachable', `no echo reply for ${Math.round(now - t.lastReply)} ms`);
      else if (t.state === 'unknown' && now - this.startedAt >= deadMs) this.set(t, 'unreachable', `no echo reply within ${deadMs} ms of start`);
    }
    this.timer = this.opts.clock.setTimeout(() => this.tick(), Math.max(1, Math.min(intervalMs, deadMs / 3)));
  }

  private set(t: Target, state: PingTargetStatus['state'], cause: string): void {
    t.state = state;
    this.opts.onChange(t.target, state, cause);
  }

  private spawnPinger(t: Target): void {
    if (this.stopped) return;
    const argv = (this.opts.command ?? defaultCommand)(t.target, this.opts.ping.intervalMs);
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    t.child = child;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (REPLY.test(line)) this.reply(t.target);
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      if (stderr.length < 500) stderr += d.toString();
    });
    child.on('error', (err) => this.opts.onError(t.target, `cannot run ${argv[0]}: ${err.message}`));
    child.on('close', (code) => {
      if (this.stopped) return;
      this.opts.onError(t.target, `pinger exited (${code ?? 'signal'})${stderr ? `: ${stderr.trim()}` : ''}; restarting in 1 s`);
      stderr = '';
      t.restartTimer = this.opts.clock.setTimeout(() => this.spawnPinger(t), 1000);
    });
  }
}

function defaultCommand(target: string, intervalMs: number): string[] {
  return ['ping', '-n', '-i', (intervalMs / 1000).toFixed(3), target];
}
