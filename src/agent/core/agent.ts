import { mkdir } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { resolvePaths, type AgentConfig, type AgentResource, type ResolvedPaths } from '../config/index.js';
import { handleControl } from '../control/commands.js';
import type { ControlRequest } from '../control/protocol.js';
import { startControlServer, type ControlServer } from '../control/server.js';
import type { AgentEvent } from '../log/events.js';
import { logEvent } from '../log/format-event.js';
import type { AgentLogger } from '../log/logger.js';
import { FailCounts } from '../manager/failcounts.js';
import { GroupRunner } from '../manager/group-runner.js';
import { CarrierMonitor } from '../membership/carrier.js';
import { systemClock, type Clock } from '../membership/clock.js';
import { Membership } from '../membership/members.js';
import { PingMonitor } from '../membership/ping.js';
import type { DriverEnv, ResourceDriver } from '../resources/driver.js';
import { buildStatus, processInfo, round } from '../status/build.js';
import type { AgentStatus } from '../status/status.js';
import type { InterfaceTable } from '../udp/address.js';
import { openTransport, type Transport } from '../udp/sockets.js';
import { AdminRegisters } from './admin.js';
import { ClusterView } from './cluster-view.js';
import type { AgentContext } from './context.js';
import { Fencer } from './fencing.js';
import { GroupEvents } from './group-events.js';
import { Heartbeats, type Peer } from './heartbeats.js';
import { nextGeneration } from './persist.js';
import { Reconciler } from './reconcile.js';
import { Roles } from './roles.js';
import { Settling } from './settling.js';

export interface AgentOptions {
  config: AgentConfig;
  node: string;
  log: AgentLogger;
  clock?: Clock;
  interfaces?: InterfaceTable;
  /** Replaces resource drivers (tests). */
  driverFor?: (res: AgentResource, env: DriverEnv) => ResourceDriver;
  /** Replaces the ping command (tests). */
  pingCommand?: (target: string, intervalMs: number) => string[];
}

const LEAVE_COPIES = 3;

/**
 * One node's agent. It wires the jobs together, each in its own module: heartbeats (send and receive), settling
 * (membership and ping events, phase), the cluster view (reports and facts), reconcile (placement), roles and notify,
 * fencing, admin registers with their persistence, and control/status; and it starts and stops them in order.
 */
export class Agent {
  readonly config: AgentConfig;
  readonly node: string;
  readonly paths: ResolvedPaths;
  private readonly log: AgentLogger;
  private readonly clock: Clock;
  private readonly ctx: AgentContext;
  private readonly membership: Membership;
  private readonly ping: PingMonitor;
  private readonly fails = new FailCounts();
  private readonly runners = new Map<string, GroupRunner>();
  private readonly peers = new Map<string, Peer>();
  private readonly heartbeats: Heartbeats;
  private readonly settling: Settling;
  private readonly view: ClusterView;
  private readonly admin: AdminRegisters;
  private readonly reconciler: Reconciler;
  private carrier?: CarrierMonitor;
  private transport?: Transport;
  private control?: ControlServer;
  private generation = 0;
  private startedAt = 0;
  private stopping?: Promise<void>;
  private closed = false;
  private readonly loopDelayHistogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });
  private readonly listeners = new Set<(event: AgentEvent) => void>();

  constructor(private readonly opts: AgentOptions) {
    const { config, node } = opts;
    if (!config.nodes.some((n) => n.name === node)) {
      throw new Error(`node "${node}" is not in the config (nodes: ${config.nodes.map((n) => n.name).join(', ')})`);
    }
    this.config = config;
    this.node = node;
    this.log = opts.log;
    this.clock = opts.clock ?? systemClock;
    this.paths = resolvePaths(config, node);
    const ctx: AgentContext = (this.ctx = {
      config,
      node,
      log: this.log,
      emit: (e: AgentEvent) => {
        logEvent(this.log, e);
        for (const listener of this.listeners) listener(e);
      },
      markDirty: () => this.heartbeats.markDirty(),
      scheduleReconcile: () => this.reconciler.schedule(),
      isClosed: () => this.closed,
    });
    const names = config.nodes.map((n) => n.name);
    for (const n of names) if (n !== node) this.peers.set(n, { generation: -1 });
    this.membership = new Membership({
      self: node,
      nodes: names,
      links: config.links.map((l) => l.name),
      timings: config.timings,
      clock: this.clock,
      onEvent: (e) => this.settling.onMembership(e),
    });
    this.ping = new PingMonitor({
      ping: config.ping,
      clock: this.clock,
      onChange: (target, state, cause) => this.settling.onPing(target, state, cause),
      onError: (target, message) => ctx.emit({ event: 'ping-error', target, err: message }),
      ...(opts.pingCommand ? { command: opts.pingCommand } : {}),
    });
    this.settling = new Settling(ctx, this.membership, this.ping);
    this.admin = new AdminRegisters(ctx, this.runners, this.paths.stateDir, () => this.generation);
    this.view = new ClusterView({
      ctx,
      runners: this.runners,
      fails: this.fails,
      admin: this.admin,
      ping: this.ping,
      membership: this.membership,
      peers: this.peers,
      settling: this.settling,
      carrier: () => this.carrier,
    });
    this.heartbeats = new Heartbeats({
      ctx,
      membership: this.membership,
      peers: this.peers,
      report: () => this.view.report(),
      generation: () => this.generation,
      onReport: (_peer, report) => {
        this.admin.adopt(report.admin);
        this.settling.onPeerPhase(report.phase);
        // What we see peers hold is part of our own report.
        ctx.markDirty();
        ctx.scheduleReconcile();
      },
    });
    const roles = new Roles(ctx);
    const fencer = new Fencer(ctx, (n) => this.peers.get(n)?.generation ?? this.generation);
    this.reconciler = new Reconciler({ ctx, view: this.view, settling: this.settling, admin: this.admin, runners: this.runners, peers: this.peers, roles, fencer });
    const groupEvents = new GroupEvents(ctx, roles, this.admin, fencer, this.reconciler);
    const env: DriverEnv = { cluster: config.cluster, node, runDir: this.paths.runDir, log: this.log };
    for (const g of config.groups) {
      this.runners.set(
        g.name,
        new GroupRunner(g, env, this.fails, {
          onState: (group, from, to, cause) => groupEvents.onState(group, from, to, cause),
          onFailure: (e) => groupEvents.onFailure(e),
          onChange: () => {
            ctx.markDirty();
            ctx.scheduleReconcile();
          },
          onOp: (group, resource, op, ms, ok) => {
            if (this.log.isLevelEnabled('debug')) ctx.emit({ event: 'op', group, resource, op, ms: round(ms), ok });
          },
        }, opts.driverFor),
      );
    }
  }

  async start(): Promise<void> {
    const { ctx, config } = this;
    this.startedAt = this.clock.now();
    this.loopDelayHistogram.enable();
    await mkdir(this.paths.runDir, { recursive: true, mode: 0o700 });
    this.generation = nextGeneration(await this.admin.restore());
    this.admin.persistSoon(0);
    if (config.auth.method === 'crc') ctx.emit({ event: 'auth-crc' });
    ctx.emit({ event: 'agent-start', node: this.node, generation: this.generation, timings: config.timings, groups: config.groups.map((g) => g.name) });
    this.transport = await openTransport({
      config,
      node: this.node,
      onMessage: (buf, link) => this.heartbeats.receive(buf, link),
      onError: (link, err) => ctx.emit({ event: 'link-error', link, err: err.message }),
      ...(this.opts.interfaces ? { interfaces: this.opts.interfaces } : {}),
    });
    for (const l of this.transport.links) ctx.emit({ event: 'link-open', ...l });
    if (config.nodes.length > 1) {
      const ifaces = linkInterfaces(config, this.transport, this.opts.interfaces ?? networkInterfaces());
      this.carrier = new CarrierMonitor(
        ifaces,
        (iface, up) => {
          ctx.emit({ event: 'carrier', iface, up });
          ctx.scheduleReconcile();
        },
        (message) => ctx.emit({ event: 'carrier-error', err: message }),
      );
      await this.carrier.start();
    }
    this.control = await startControlServer(this.paths.socket, (req) => this.handle(req));
    this.membership.start();
    this.ping.start();
    this.heartbeats.start(this.transport);
    await Promise.all([...this.runners.values()].map((r) => r.probe()));
    this.settling.resourcesProbed();
  }

  /** Graceful shutdown: stop every group here (reverse order), then tell peers we left so they take over at once. */
  stop(reason = 'shutdown requested'): Promise<void> {
    this.stopping ??= this.doStop(reason);
    return this.stopping;
  }

  /** Closes sockets and timers without touching resources: what a crash looks like to peers, minus the process exit. */
  async abort(): Promise<void> {
    await this.close();
  }

  /** Every event the agent logs, as it happens (the metrics endpoint counts transitions from them); returns the unsubscribe. */
  onEvent(listener: (event: AgentEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Event-loop delay since start (the status shows its maximum; the metrics endpoint its quantiles). */
  get loopDelay(): IntervalHistogram {
    return this.loopDelayHistogram;
  }

  isActive(group: string): boolean {
    return this.runners.get(group)?.state === 'running';
  }

  handle(req: ControlRequest): Promise<unknown> {
    return handleControl(
      {
        config: this.config,
        node: this.node,
        runners: this.runners,
        disabled: () => this.admin.view().disabled,
        setAdmin: (key, value, cause) => this.admin.set(key, value, cause),
        status: () => this.status(),
      },
      req,
    );
  }

  status(): AgentStatus {
    const facts = this.view.facts();
    return buildStatus({
      config: this.config,
      node: this.node,
      generation: this.generation,
      seq: this.heartbeats.seq,
      phase: this.settling.phase,
      uptimeMs: this.clock.now() - this.startedAt,
      quorum: this.reconciler.quorum(facts),
      alive: new Set(facts.filter((f) => f.alive).map((f) => f.name)),
      admin: this.admin.view(),
      membership: this.membership,
      reports: this.view.reports(),
      links: this.transport?.links ?? [],
      ping: this.ping.snapshot(),
      decisions: this.reconciler.decisions,
      runners: this.runners,
      drops: this.heartbeats.filter.dropCounts(),
      accepted: this.heartbeats.filter.accepted,
      process: { ...processInfo(), loopDelayMaxMs: round(this.loopDelayHistogram.max / 1e6), sendGapMaxMs: round(this.heartbeats.longestSendGap) },
    });
  }

  private async doStop(reason: string): Promise<void> {
    this.ctx.emit({ event: 'agent-stop', cause: reason });
    this.settling.set('leaving', reason);
    for (const r of this.runners.values()) r.want('stopped', 'agent shutting down');
    await Promise.all([...this.runners.values()].map((r) => r.settle()));
    const unclean = [...this.runners.values()].filter((r) => r.state !== 'stopped').map((r) => `${r.group.name} (${r.state})`);
    this.heartbeats.send();
    if (unclean.length) {
      // No goodbye: peers must not take over at once what may still run here; they wait for deadtime.
      this.ctx.emit({ event: 'stop-unclean', groups: unclean });
    } else {
      this.heartbeats.sendLeave(LEAVE_COPIES);
    }
    await this.admin.persistNow();
    await this.close();
    this.ctx.emit({ event: 'agent-stopped' });
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.heartbeats.stop();
    this.loopDelayHistogram.disable();
    this.admin.stop();
    this.membership.stop();
    this.ping.stop();
    this.carrier?.stop();
    for (const r of this.runners.values()) r.close();
    await this.control?.close();
    await this.transport?.close();
  }
}

/** The interface of each heartbeat link: named in the config, else the one holding the link's local address. */
function linkInterfaces(config: AgentConfig, transport: Transport, ifaces: InterfaceTable): string[] {
  const out = new Set<string>();
  for (const info of transport.links) {
    const named = config.links.find((l) => l.name === info.link)?.iface;
    const found = named ?? Object.entries(ifaces).find(([, addrs]) => (addrs ?? []).some((a) => a.address === info.local))?.[0];
    if (found) out.add(found);
  }
  return [...out];
}
