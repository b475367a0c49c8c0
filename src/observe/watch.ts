import type { ProviderName } from '../provider/provider.js';
import type { OpenCluster } from '../operations/open-cluster.js';
import type { ClusterStatus } from '../runtime/status.js';
import { HistoryTail, type HistoryRecord } from './history/history.js';
import { Reconnector } from './reconnect.js';
import type { TimelineEvent } from './timeline/events.js';
import { StatusTracker } from './timeline/track.js';

export interface WatchState {
  /** the last status read; undefined until the first one, or after it could not be read */
  status?: ClusterStatus;
  /** why the last status could not be read */
  error?: string;
  /** when it was read (ms since the epoch) */
  at: number;
  timeline: TimelineEvent[];
}

export interface WatchOptions {
  provider?: ProviderName;
  intervalMs?: number;
  /** `.hactl/history.jsonl`: failover tests and actions recorded there join the timeline as they are appended */
  historyFile?: string;
  /** how many timeline events to keep (oldest go first) */
  keep?: number;
}

/** A history record as a timeline line, when it is about this cluster. */
export function historyEvent(r: HistoryRecord): TimelineEvent {
  const at = Date.parse(r.date);
  if (r.kind === 'fault') return { at, kind: 'fault', subject: r.node, text: `test failover injected a fault: ${r.detail}` };
  if (r.kind === 'test-failover') {
    return { at, kind: 'test-failover', subject: r.service, ms: r.ms, ok: true, text: `test failover (${r.fault}) of ${r.service}: ${r.from} → ${r.to} in ${Math.round(r.ms)} ms` };
  }
  const args = Object.values(r.args).join(' ');
  return { at, kind: 'action', subject: r.op, ok: r.ok, text: `operator: ${r.op}${args ? ` ${args}` : ''} — ${r.detail}` };
}

/**
 * A stack's running cluster watched through the runtime layer: its status read every interval (one connection kept
 * open), changes turned into a timeline and counters, and the failover history followed. `hactl exporter` and
 * `hactl ui` both run on it, so they count and name events the same way for every runtime and provider.
 */
export class ClusterWatch {
  readonly tracker = new StatusTracker();
  private state: WatchState = { at: 0, timeline: [] };
  private readonly listeners = new Set<(state: WatchState) => void>();
  private readonly history?: HistoryTail;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  private current: OpenCluster;
  private readonly reconnector: Reconnector;

  private constructor(cluster: OpenCluster, private readonly options: WatchOptions, reopen: () => Promise<OpenCluster>) {
    this.current = cluster;
    this.reconnector = new Reconnector(reopen);
    if (options.historyFile) this.history = new HistoryTail(options.historyFile);
  }

  static async open(stack: string, options: WatchOptions = {}): Promise<ClusterWatch> {
    const { openCluster } = await import('../operations/open-cluster.js');
    const cluster = await openCluster(stack, options.provider);
    return new ClusterWatch(cluster, options, () => openCluster(stack, cluster.provider.name));
  }

  /** The cluster as last connected: a session whose connections were lost is replaced by a new one. */
  get cluster(): OpenCluster {
    return this.current;
  }

  latest(): WatchState {
    return this.state;
  }

  onChange(listener: (state: WatchState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Polls until stop(); the first read happens before it resolves. */
  async start(): Promise<void> {
    await this.refresh();
    const loop = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.refresh().finally(loop), this.options.intervalMs ?? 1000);
    };
    loop();
  }

  /** Reads the status now (after an action, the page should not wait for the next tick); calls in flight are shared. */
  refresh(): Promise<void> {
    this.running ??= this.read().finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.reconnector.stop();
    await this.cluster.close();
  }

  private async read(): Promise<void> {
    const events: TimelineEvent[] = [];
    await this.useReconnected(events);
    const { runtime, access, model } = this.cluster;
    // the history first: a fault injected since the last read explains the moves this read may show
    const records = ((await this.history?.next()) ?? []).filter((r) => r.cluster === model.cluster);
    for (const r of records) if (r.kind === 'fault') this.tracker.noteFault(r.detail, r.node, Date.parse(r.date));
    events.push(...records.map(historyEvent));
    const at = Date.now();
    let next: WatchState;
    let silent = model.nodes.map((n) => n.name);
    try {
      const status = await runtime.status(access);
      events.push(...this.tracker.observe(status, Date.now()));
      next = { status, at, timeline: this.state.timeline };
      silent = silent.filter((n) => !status.reportedBy.includes(n));
    } catch (err) {
      const error = (err as Error).message;
      if (error !== this.state.error) events.push({ at, kind: 'warning', subject: model.cluster, text: `status not readable: ${error}` });
      next = { error, at, timeline: this.state.timeline };
    }
    const lost = await this.reconnector.check(this.cluster, silent);
    if (lost.length) events.push({ at, kind: 'warning', subject: lost.join(', '), text: `the connection to ${lost.join(', ')} was lost: connecting again` });
    this.push(events, next);
  }

  /** Reads go on over the new session once it is open; the old one is closed (its lost connections with it). */
  private async useReconnected(events: TimelineEvent[]): Promise<void> {
    const fresh = this.reconnector.take();
    if (!fresh) return;
    const old = this.current;
    this.current = fresh;
    events.push({ at: Date.now(), kind: 'observing', subject: fresh.model.cluster, text: `connected again to ${fresh.session.where}` });
    await old.close().catch(() => undefined);
  }

  private push(events: TimelineEvent[], next: WatchState): void {
    const timeline = [...next.timeline, ...events].sort((a, b) => a.at - b.at).slice(-(this.options.keep ?? 500));
    this.state = { ...next, timeline };
    for (const l of this.listeners) l(this.state);
  }
}
