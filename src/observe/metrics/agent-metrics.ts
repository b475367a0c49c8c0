import type { IntervalHistogram } from 'node:perf_hooks';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { AgentStatus } from '../../agent/status/status.js';

const s = (ms: number) => ms / 1000;

/**
 * What only the agent knows about itself, beside the shared cluster metrics: its heartbeats per peer (longest gap,
 * late ones, current silence), dropped packets, its event loop and its process. Process metrics use the standard
 * names (process_resident_memory_bytes, process_cpu_seconds_total) that every Prometheus client exports.
 */
export class AgentMetrics {
  private readonly gap: Gauge<string>;
  private readonly silence: Gauge<string>;
  private readonly late: Counter<string>;
  private readonly dropped: Counter<string>;
  private readonly accepted: Counter<string>;
  private readonly loop: { p50: Gauge<string>; p99: Gauge<string>; max: Gauge<string> };
  private readonly sendGap: Gauge<string>;
  private readonly rss: Gauge<string>;
  private readonly heap: Gauge<string>;
  private readonly cpu: Counter<string>;
  private readonly cpuUser: Counter<string>;
  private readonly cpuSystem: Counter<string>;
  private readonly started: Gauge<string>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.gap = new Gauge({ name: 'hactl_heartbeat_gap_max_seconds', help: 'Longest gap between two heartbeats heard from the peer since this agent started', labelNames: ['peer'], registers });
    this.silence = new Gauge({ name: 'hactl_heartbeat_silence_seconds', help: 'Time since the last heartbeat heard from the peer', labelNames: ['peer'], registers });
    this.late = new Counter({ name: 'hactl_heartbeat_late_total', help: 'Gaps between heartbeats of the peer that reached warntime', labelNames: ['peer'], registers });
    this.dropped = new Counter({ name: 'hactl_heartbeat_dropped_total', help: 'Heartbeat datagrams dropped, by reason (forged, replayed, malformed, ...)', labelNames: ['reason'], registers });
    this.accepted = new Counter({ name: 'hactl_heartbeat_accepted_total', help: 'Heartbeat datagrams accepted', registers });
    // one gauge per figure, as Node's own client metrics do (nodejs_eventloop_lag_p99_seconds): a quantile label is
    // reserved for summaries, which promtool enforces
    const loop = (figure: string, what: string) => new Gauge({ name: `hactl_agent_event_loop_delay_${figure}_seconds`, help: `${what} delay of the agent's event loop since it started`, registers });
    this.loop = { p50: loop('p50', 'Median'), p99: loop('p99', '99th percentile'), max: loop('max', 'Longest') };
    this.sendGap = new Gauge({ name: 'hactl_agent_heartbeat_send_gap_max_seconds', help: 'Longest interval between two heartbeats this agent sent', registers });
    this.rss = new Gauge({ name: 'process_resident_memory_bytes', help: 'Resident memory size in bytes', registers });
    this.heap = new Gauge({ name: 'process_heap_bytes', help: 'JavaScript heap in use, in bytes', registers });
    this.cpu = new Counter({ name: 'process_cpu_seconds_total', help: 'Total user and system CPU time spent in seconds', registers });
    this.cpuUser = new Counter({ name: 'process_cpu_user_seconds_total', help: 'User CPU time spent in seconds', registers });
    this.cpuSystem = new Counter({ name: 'process_cpu_system_seconds_total', help: 'System CPU time spent in seconds', registers });
    this.started = new Gauge({ name: 'process_start_time_seconds', help: 'Start time of the process since the Unix epoch in seconds', registers });
  }

  update(status: AgentStatus, loopDelay: IntervalHistogram): void {
    for (const m of [this.gap, this.silence, this.late, this.dropped, this.accepted, this.cpu, this.cpuUser, this.cpuSystem]) m.reset();
    for (const n of status.nodes.filter((x) => !x.self)) {
      if (n.maxGapMs !== undefined) this.gap.set({ peer: n.name }, s(n.maxGapMs));
      if (n.silentMs !== undefined) this.silence.set({ peer: n.name }, s(n.silentMs));
      this.late.inc({ peer: n.name }, n.lateCount ?? 0);
    }
    for (const [reason, count] of Object.entries(status.drops)) this.dropped.inc({ reason }, count);
    this.accepted.inc(status.accepted);
    if (loopDelay.count > 0) {
      this.loop.p50.set(loopDelay.percentile(50) / 1e9);
      this.loop.p99.set(loopDelay.percentile(99) / 1e9);
      this.loop.max.set(loopDelay.max / 1e9);
    }
    this.sendGap.set(s(status.process.sendGapMaxMs));
    this.rss.set(status.process.rss);
    this.heap.set(status.process.heapUsed);
    this.cpu.inc((status.process.cpuUser + status.process.cpuSystem) / 1e6);
    this.cpuUser.inc(status.process.cpuUser / 1e6);
    this.cpuSystem.inc(status.process.cpuSystem / 1e6);
    this.started.set(Math.round(performance.timeOrigin / 1000));
  }
}
