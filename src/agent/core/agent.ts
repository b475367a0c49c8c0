import { mkdir } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { AgentConfig, AgentResource } from '../config.js';
import { resolvePaths, type ResolvedPaths } from '../config-util.js';
import { systemClock, type Clock } from '../clock.js';
import { startControlServer, type ControlServer } from '../control/server.js';
import type { ControlRequest } from '../control/protocol.js';
import type { AgentLogger } from '../log.js';
import { FailCounts } from '../manager/failcounts.js';
import { GroupRunner, type FailureEvent } from '../manager/group-runner.js';
import { Membership, type MembershipEvent } from '../membership/members.js';
import { CarrierMonitor } from '../membership/carrier.js';
import { PingMonitor } from '../membership/ping.js';
import { computeQuorum, type QuorumState } from '../membership/quorum.js';
import { AdminState, splitKey } from '../placement/admin.js';
import { place, type GroupDecision, type NodeFacts } from '../placement/place.js';
import { createAuthenticator, type Authenticator } from '../protocol/auth.js';
import { PacketFilter } from '../protocol/filter.js';
import { encodePacket } from '../protocol/packet.js';
import { decodeReport, encodeReport, type AdminEntry, type GroupRunState, type NodeReport } from '../protocol/report.js';
import type { DriverEnv, ResourceDriver } from '../resources/driver.js';
import type { AgentStatus } from '../status.js';
import { openTransport, type Transport } from '../transport/udp.js';
import type { InterfaceTable } from '../transport/address.js';
import { handleControl } from './commands.js';
import { runHook } from './hooks.js';
import { buildStatus, processInfo, round } from './status-view.js';
import { loadState, nextGeneration, saveState } from './persist.js';

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

interface Peer {
  report?: NodeReport;
  generation: number;
}

type Role = 'master' | 'backup' | 'fault';

const LEAVE_COPIES = 3;

/** One node's agent: heartbeats, membership, placement, resource groups, control socket. */
export class Agent {
  readonly config: AgentConfig;
  readonly node: string;
  readonly paths: ResolvedPaths;
  private readonly log: AgentLogger;
  private readonly clock: Clock;
  private readonly auth: Authenticator;
  private readonly filter: PacketFilter;
  private readonly membership: Membership;
  private readonly ping: PingMonitor;
  private readonly admin: AdminState;
  private readonly fails = new FailCounts();
  private readonly runners = new Map<string, GroupRunner>();
  private readonly peers = new Map<string, Peer>();
  private readonly roles = new Map<string, Role>();
  private readonly fenced = new Set<string>();
  private readonly fencing = new Set<string>();
  /** Groups seen active here and on another node at once; re-announced once the other side lets go. */
  private readonly dualActive = new Set<string>();
  private carrier?: CarrierMonitor;
  private transport?: Transport;
  private control?: ControlServer;
  private heartbeatTimer?: NodeJS.Timeout;
  private generation = 0;
  private seq = 0;
  private stateVersion = 0;
  private payload: Buffer = Buffer.alloc(0);
  private payloadDirty = true;
  private sendScheduled = false;
  private phase: NodeReport['phase'] = 'settling';
  private probed = false;
  private reconcileScheduled = false;
  private decisions = new Map<string, GroupDecision>();
  private quorum?: QuorumState;
  private startedAt = 0;
  private stopping?: Promise<void>;
  private persistTimer?: NodeJS.Timeout;
  private closed = false;
  private lastSendAt = 0;
  private maxSendGap = 0;
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });

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
    this.auth = createAuthenticator(config.auth.method, config.auth.key);
    const names = config.nodes.map((n) => n.name);
    this.filter = new PacketFilter(this.auth, config.cluster, node, names);
    this.admin = new AdminState(node);
    for (const n of names) if (n !== node) this.peers.set(n, { generation: -1 });
    this.membership = new Membership({
      self: node,
      nodes: names,
      links: config.links.map((l) => l.name),
      timings: config.timings,
      clock: this.clock,
      onEvent: (e) => this.onMembership(e),
    });
    this.ping = new PingMonitor({
      ping: config.ping,
      clock: this.clock,
      onChange: (target, state, cause) => {
        this.log.info({ event: 'ping-state', target, state, cause, reachable: this.ping.reachable() }, `ping node ${target} ${state}: ${cause}`);
        this.markDirty();
        this.checkSettled();
        this.scheduleReconcile();
      },
      onError: (target, message) => this.log.warn({ event: 'ping-error', target, err: message }, message),
      ...(opts.pingCommand ? { command: opts.pingCommand } : {}),
    });
    const env: DriverEnv = { cluster: config.cluster, node, runDir: this.paths.runDir, log: this.log };
    for (const g of config.groups) {
      this.runners.set(
        g.name,
        new GroupRunner(g, env, this.fails, {
          onState: (group, from, to, cause) => this.onGroupState(group, from, to, cause),
          onFailure: (e) => this.onFailure(e),
          onChange: () => {
            this.markDirty();
            this.scheduleReconcile();
          },
          onOp: (group, resource, op, ms, ok) => {
            if (this.log.isLevelEnabled('debug')) this.log.debug({ event: 'op', group, resource, op, ms: Math.round(ms * 10) / 10, ok }, `${op} ${resource}`);
          },
        }, opts.driverFor),
      );
    }
  }

  async start(): Promise<void> {
    this.startedAt = this.clock.now();
    this.loopDelay.enable();
    await mkdir(this.paths.runDir, { recursive: true, mode: 0o700 });
    const persisted = this.paths.stateDir ? await loadState(this.paths.stateDir) : undefined;
    for (const e of persisted?.admin ?? []) this.admin.merge(e);
    this.generation = nextGeneration(persisted?.generation);
    this.persistSoon(0);
    if (this.config.auth.method === 'crc') {
      this.log.warn({ event: 'auth-crc' }, 'auth method crc authenticates nothing: anyone on the interconnect can forge heartbeats');
    }
    this.log.info(
      { event: 'agent-start', generation: this.generation, timings: this.config.timings, groups: this.config.groups.map((g) => g.name) },
      `agent starting as ${this.node} (generation ${this.generation})`,
    );
    this.transport = await openTransport({
      config: this.config,
      node: this.node,
      onMessage: (buf, link) => this.onDatagram(buf, link),
      onError: (link, err) => this.log.warn({ event: 'link-error', link, err: err.message }, `link ${link}: ${err.message}`),
      ...(this.opts.interfaces ? { interfaces: this.opts.interfaces } : {}),
    });
    for (const l of this.transport.links) this.log.info({ event: 'link-open', ...l }, `link ${l.link} (${l.mode}) on ${l.local}:${l.port}`);
    if (this.config.nodes.length > 1) {
      const ifaces = linkInterfaces(this.config, this.transport, this.opts.interfaces ?? networkInterfaces());
      this.carrier = new CarrierMonitor(
        ifaces,
        (iface, up) => {
          this.log[up ? 'info' : 'warn']({ event: 'carrier', iface, up }, `carrier on ${iface} ${up ? 'up' : 'lost'}`);
          this.scheduleReconcile();
        },
        (message) => this.log.warn({ event: 'carrier-error', err: message }, message),
      );
      await this.carrier.start();
    }
    this.control = await startControlServer(this.paths.socket, (req) => this.handle(req));
    this.membership.start();
    this.ping.start();
    this.heartbeatTimer = setInterval(() => this.sendHeartbeat(), this.config.timings.keepaliveMs);
    this.sendHeartbeat();
    await Promise.all([...this.runners.values()].map((r) => r.probe()));
    this.probed = true;
    this.checkSettled();
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

  isActive(group: string): boolean {
    return this.runners.get(group)?.state === 'running';
  }

  private async doStop(reason: string): Promise<void> {
    this.log.info({ event: 'agent-stop', cause: reason }, `stopping: ${reason}`);
    this.setPhase('leaving', reason);
    for (const r of this.runners.values()) r.want('stopped', 'agent shutting down');
    await Promise.all([...this.runners.values()].map((r) => r.settle()));
    const unclean = [...this.runners.values()].filter((r) => r.state !== 'stopped').map((r) => `${r.group.name} (${r.state})`);
    this.sendHeartbeat();
    if (unclean.length) {
      // No goodbye: peers must not take over at once what may still run here; they wait for deadtime.
      this.log.error({ event: 'stop-unclean', groups: unclean }, `groups not stopped cleanly: ${unclean.join(', ')}; peers take over after deadtime`);
    } else {
      for (let i = 0; i < LEAVE_COPIES; i++) this.sendPacket('leave');
    }
    await this.persistNow();
    await this.close();
    this.log.info({ event: 'agent-stopped' }, 'agent stopped');
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.loopDelay.disable();
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.membership.stop();
    this.ping.stop();
    this.carrier?.stop();
    for (const r of this.runners.values()) r.close();
    await this.control?.close();
    await this.transport?.close();
  }

  // ---- heartbeats -------------------------------------------------------------------------------------------

  private buildReport(): NodeReport {
    const groups: NodeReport['groups'] = {};
    for (const [name, r] of this.runners) groups[name] = r.report();
    return {
      phase: this.phase,
      pingReachable: this.ping.reachable(),
      groups,
      holders: this.seenHolders(),
      failCounts: this.fails.report(),
      failedActions: this.fails.failedActions(),
      admin: this.admin.list(),
    };
  }

  private seenHolders(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [name, peer] of this.peers) {
      if (!peer.report || !this.membership.isAlive(name)) continue;
      for (const [group, g] of Object.entries(peer.report.groups)) if (g.state !== 'stopped') (out[group] ??= []).push(name);
    }
    return out;
  }

  /** Our report changed: rebuild it and send it now rather than at the next keepalive. */
  private markDirty(): void {
    this.payloadDirty = true;
    if (this.sendScheduled || this.closed) return;
    this.sendScheduled = true;
    setImmediate(() => {
      this.sendScheduled = false;
      this.sendHeartbeat();
    });
  }

  private sendHeartbeat(): void {
    if (this.payloadDirty) {
      this.payloadDirty = false;
      const next = encodeReport(this.buildReport());
      if (!next.equals(this.payload)) {
        this.payload = next;
        this.stateVersion++;
      }
    }
    this.sendPacket('heartbeat');
  }

  private sendPacket(type: 'heartbeat' | 'leave'): void {
    if (!this.transport || this.closed) return;
    const now = performance.now();
    if (this.lastSendAt > 0 && now - this.lastSendAt > this.maxSendGap) this.maxSendGap = now - this.lastSendAt;
    this.lastSendAt = now;
    const buf = encodePacket(
      { type, cluster: this.config.cluster, node: this.node, generation: this.generation, seq: ++this.seq, stateVersion: this.stateVersion, payload: this.payload },
      this.auth,
    );
    this.transport.send(buf);
  }

  private onDatagram(buf: Buffer, link: string): void {
    const accepted = this.filter.accept(buf, link);
    if (accepted === undefined) return;
    const p = accepted.packet;
    const peer = this.peers.get(p.node)!;
    if (accepted.newGeneration) {
      if (peer.generation >= 0) this.log.info({ event: 'peer-restart', peer: p.node, generation: p.generation }, `${p.node} restarted (generation ${p.generation})`);
      peer.generation = p.generation;
    }
    if (p.type === 'leave') {
      if (peer.report) peer.report = { ...peer.report, phase: 'leaving' };
      this.membership.left(p.node);
      this.scheduleReconcile();
      return;
    }
    this.membership.heard(p.node, link);
    if (!accepted.newState) return;
    const report = decodeReport(p.payload);
    if (report === undefined) {
      this.filter.rejectState(p.node);
      this.log.warn({ event: 'bad-report', peer: p.node }, `authentic packet from ${p.node} with an unusable state; ignored`);
      return;
    }
    this.applyReport(p.node, peer, report);
  }

  private applyReport(node: string, peer: Peer, report: NodeReport): void {
    const before = peer.report;
    peer.report = report;
    if (before?.phase !== report.phase) this.log.info({ event: 'peer-phase', peer: node, phase: report.phase }, `${node} is ${report.phase}`);
    let adminChanged = false;
    for (const e of report.admin) {
      const adopted = this.admin.merge(e);
      if (adopted) {
        adminChanged = true;
        this.onAdminAdopted(adopted);
      }
    }
    if (adminChanged) {
      this.markDirty();
      this.persistSoon();
    }
    if (report.phase === 'active' && this.phase === 'settling') this.membership.shortenInitdead();
    // What we see peers hold is part of our own report.
    this.markDirty();
    this.scheduleReconcile();
  }

  // ---- membership and settling -----------------------------------------------------------------------------

  private onMembership(e: MembershipEvent): void {
    if (e.kind === 'node') {
      const level = e.to === 'dead' || e.to === 'warn' ? 'warn' : 'info';
      this.log[level]({ event: 'node-state', peer: e.node, from: e.from, to: e.to, cause: e.cause }, `node ${e.node}: ${e.from} -> ${e.to} (${e.cause})`);
      this.checkSettled();
      if (e.to !== 'warn') {
        this.markDirty();
        this.scheduleReconcile();
      }
    } else if (e.kind === 'link') {
      this.log.info({ event: 'link-state', peer: e.node, link: e.link, from: e.from, to: e.to, cause: e.cause }, `link ${e.link} to ${e.node}: ${e.from} -> ${e.to} (${e.cause})`);
    } else {
      this.log.warn({ event: 'stall', ms: e.ms }, `this agent was not scheduled for ${e.ms} ms; peers' silence during it is not counted`);
    }
  }

  private checkSettled(): void {
    if (this.phase !== 'settling' || !this.probed) return;
    if (!this.membership.settled() || !this.ping.determined()) return;
    this.setPhase('active', 'every peer heard or declared dead, ping nodes checked, resources probed');
    this.scheduleReconcile();
  }

  private setPhase(phase: NodeReport['phase'], cause: string): void {
    if (this.phase === phase) return;
    this.log.info({ event: 'phase', from: this.phase, to: phase, cause }, `phase ${this.phase} -> ${phase} (${cause})`);
    this.phase = phase;
    this.markDirty();
  }

  // ---- placement -------------------------------------------------------------------------------------------

  private scheduleReconcile(): void {
    if (this.reconcileScheduled || this.closed) return;
    this.reconcileScheduled = true;
    setImmediate(() => {
      this.reconcileScheduled = false;
      this.reconcile();
    });
  }

  private facts(): NodeFacts[] {
    return this.config.nodes.map((n): NodeFacts => {
      if (n.name === this.node) {
        const r = this.buildReport();
        return { name: n.name, alive: true, phase: this.phase, pingReachable: r.pingReachable, groups: r.groups, isolated: this.carrier?.allDown() ?? false };
      }
      const report = this.peers.get(n.name)?.report;
      const alive = this.membership.isAlive(n.name) && report !== undefined;
      return {
        name: n.name,
        alive,
        phase: report?.phase ?? 'settling',
        pingReachable: report?.pingReachable ?? 0,
        groups: report?.groups ?? {},
        holders: report?.holders ?? {},
      };
    });
  }

  private reconcile(): void {
    if (this.phase !== 'active' || this.closed) return;
    const facts = this.facts();
    const votes = facts.filter((f) => f.alive).length;
    const quorum = computeQuorum(this.config.quorum, votes);
    if (this.quorum?.quorate !== quorum.quorate || this.quorum.votes !== quorum.votes) {
      const level = quorum.quorate ? 'info' : 'warn';
      this.log[level]({ event: 'quorum', quorate: quorum.quorate, votes, expected: quorum.expected, cause: quorum.reason }, `quorum: ${quorum.quorate ? 'yes' : 'NO'} (${quorum.reason})`);
    }
    this.quorum = quorum;
    const decisions = place({ config: this.config, nodes: facts, admin: this.admin.view(), quorum });
    for (const d of decisions.values()) {
      const prev = this.decisions.get(d.group);
      if (prev?.target !== d.target || prev?.reason !== d.reason) {
        this.log[prev?.target !== d.target ? 'info' : 'debug'](
          { event: 'placement', group: d.group, from: prev?.target ?? null, to: d.target, cause: d.reason },
          `${d.group}: placed on ${d.target ?? 'nothing'} (${d.reason})`,
        );
      }
      this.apply(d, facts);
    }
    this.decisions = decisions;
  }

  private apply(d: GroupDecision, facts: NodeFacts[]): void {
    const runner = this.runners.get(d.group)!;
    if (d.target !== this.node) {
      this.dualActive.delete(d.group);
      runner.want('stopped', d.target ? `placed on ${d.target}: ${d.reason}` : d.reason);
      if (runner.state === 'stopped') this.setRole(d.group, 'backup', d.target ? `runs on ${d.target}` : d.reason);
      return;
    }
    if (d.dualActive && runner.state === 'running') {
      this.dualActive.add(d.group);
      for (const other of d.holders.filter((h) => h !== this.node)) this.fence(other, `partition healed with ${d.group} active on both ${this.node} and ${other}; ${other} loses`);
    } else if (this.dualActive.delete(d.group) && runner.state === 'running') {
      // Clients learnt the loser's MAC while both sides ran the group: point them back here.
      const members = runner.announce();
      this.log.info({ event: 'reannounce', group: d.group, resources: members }, `${d.group}: the other side let go; re-announced ${members.join(', ') || 'nothing'}`);
    }
    if (runner.state === 'running' || runner.state === 'starting') {
      runner.want('started');
      return;
    }
    if (!d.mayStart) return;
    if (this.config.fencing?.onPeerDeath) {
      const deadHolders = facts
        .filter((f) => !f.alive && f.name !== this.node)
        .filter((f) => {
          const s = this.peers.get(f.name)?.report?.groups[d.group]?.state;
          return s !== undefined && s !== 'stopped';
        })
        .map((f) => f.name);
      const pending = deadHolders.filter((n) => !this.fenced.has(this.fenceKey(n)));
      if (pending.length > 0) {
        for (const n of pending) this.fence(n, `${n} died holding ${d.group}`);
        return;
      }
    }
    runner.want('started', d.reason);
  }

  // ---- group events, notify, fencing -----------------------------------------------------------------------

  private onGroupState(group: string, from: GroupRunState, to: GroupRunState, cause: string): void {
    const level = to === 'failed' || to === 'blocked' ? 'error' : 'info';
    this.log[level]({ event: 'group-state', group, from, to, cause }, `${group}: ${from} -> ${to} (${cause})`);
    if (to === 'running') this.setRole(group, 'master', cause);
    if (to === 'stopped' && this.decisions.get(group)?.target !== this.node) this.setRole(group, 'backup', cause);
    this.markDirty();
    this.scheduleReconcile();
  }

  private onFailure(e: FailureEvent): void {
    this.log.error(
      { event: 'resource-failure', group: e.group, resource: e.resource, op: e.op, onFail: e.onFail, failCount: e.count, cause: e.reason },
      `${e.op} of ${e.resource} failed (${e.reason}); on-fail=${e.onFail}, fail-count ${e.count}`,
    );
    this.setRole(e.group, 'fault', `${e.op} of ${e.resource} failed`);
    if (e.onFail === 'standby' || e.onFail === 'fence') this.setAdmin(`standby:${this.node}`, true, `on-fail=${e.onFail} of ${e.resource}`);
    if (e.onFail === 'fence') this.fence(this.node, `${e.op} of ${e.resource} failed (on-fail=fence)`);
    if (e.onFail === 'stop') this.setAdmin(`disable:${e.group}`, true, `on-fail=stop of ${e.resource}`);
  }

  private setRole(group: string, role: Role, cause: string): void {
    if (this.roles.get(group) === role) return;
    this.roles.set(group, role);
    const g = this.config.groups.find((x) => x.name === group)!;
    const cmd = g.notify?.[role] ?? this.config.notify[role];
    this.log.info({ event: 'role', group, role, cause }, `${group}: ${role} (${cause})`);
    if (cmd === undefined) return;
    const timeoutMs = g.notify?.timeoutMs ?? this.config.notify.timeoutMs ?? 30000;
    const env = { HACTL_GROUP: group, HACTL_STATE: role, HACTL_NODE: this.node, HACTL_CLUSTER: this.config.cluster };
    void runHook(cmd, [group, role.toUpperCase()], env, timeoutMs).then((r) =>
      this.log[r.ok ? 'info' : 'warn']({ event: 'notify', group, role, ok: r.ok, result: r.summary }, `notify ${role} for ${group}: ${r.summary}`),
    );
  }

  private fenceKey(node: string): string {
    return `${node}@${this.peers.get(node)?.generation ?? this.generation}`;
  }

  /** Runs the fencing hook once per target incarnation; without a hook, only logs. */
  private fence(target: string, reason: string): void {
    const key = this.fenceKey(target);
    if (this.fenced.has(key) || this.fencing.has(key)) return;
    const f = this.config.fencing;
    if (!f) {
      this.fenced.add(key);
      this.log.warn({ event: 'fence-skipped', target, cause: reason }, `would fence ${target} (${reason}) but no fencing hook is configured`);
      return;
    }
    this.fencing.add(key);
    this.log.warn({ event: 'fence', target, cause: reason }, `fencing ${target}: ${reason}`);
    const env = { HACTL_FENCE_NODE: target, HACTL_FENCE_REASON: reason, HACTL_CLUSTER: this.config.cluster, HACTL_NODE: this.node };
    void runHook(f.command, [target], env, f.timeoutMs).then((r) => {
      this.fencing.delete(key);
      if (r.ok) this.fenced.add(key);
      this.log[r.ok ? 'info' : 'error']({ event: 'fence-result', target, ok: r.ok, result: r.summary }, `fencing ${target}: ${r.summary}`);
      if (!r.ok && !this.closed) setTimeout(() => this.scheduleReconcile(), 5000).unref();
      this.scheduleReconcile();
    });
  }

  // ---- admin -----------------------------------------------------------------------------------------------

  private setAdmin(key: `${'standby' | 'move' | 'disable' | 'cleanup'}:${string}`, value: AdminEntry['value'], cause: string): void {
    const e = this.admin.set(key, value);
    this.log.info({ event: 'admin', register: key, value, version: e.version, cause }, `admin ${key} = ${JSON.stringify(value)} (${cause})`);
    this.onAdminAdopted(e);
    this.markDirty();
    this.persistSoon();
    this.scheduleReconcile();
  }

  /** Side effects of a newly adopted register: cleanup runs once per write on the node it names. */
  private onAdminAdopted(e: AdminEntry): void {
    const [kind, name] = splitKey(e.key);
    if (kind !== 'cleanup' || typeof e.value !== 'object' || e.value === null) return;
    const node = e.value.node;
    if (node !== null && node !== this.node) return;
    const group = this.runners.get(name);
    for (const r of this.runners.values()) {
      if (group === r) void r.cleanup();
      else if (group === undefined && r.has(name)) void r.cleanup(name);
    }
    this.log.info({ event: 'cleanup', resource: name, origin: e.origin }, `cleanup of ${name} on ${this.node}`);
  }

  private persistSoon(delay = 200): void {
    if (!this.paths.stateDir || this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      void this.persistNow();
    }, delay);
  }

  private async persistNow(): Promise<void> {
    if (!this.paths.stateDir) return;
    try {
      await saveState(this.paths.stateDir, { generation: this.generation, admin: this.admin.list() });
    } catch (err) {
      this.log.warn({ event: 'persist-failed', err: (err as Error).message }, `cannot save state: ${(err as Error).message}`);
    }
  }

  // ---- control ---------------------------------------------------------------------------------------------

  handle(req: ControlRequest): Promise<unknown> {
    return handleControl(
      {
        config: this.config,
        node: this.node,
        runners: this.runners,
        disabled: () => this.admin.view().disabled,
        setAdmin: (key, value, cause) => this.setAdmin(key, value, cause),
        status: () => this.status(),
      },
      req,
    );
  }

  status(): AgentStatus {
    const facts = this.facts();
    return buildStatus({
      config: this.config,
      node: this.node,
      generation: this.generation,
      seq: this.seq,
      phase: this.phase,
      uptimeMs: this.clock.now() - this.startedAt,
      quorum: this.quorum ?? computeQuorum(this.config.quorum, facts.filter((f) => f.alive).length),
      alive: new Set(facts.filter((f) => f.alive).map((f) => f.name)),
      admin: this.admin.view(),
      membership: this.membership,
      reports: new Map(this.config.nodes.map((n) => [n.name, n.name === this.node ? this.buildReport() : this.peers.get(n.name)?.report])),
      links: this.transport?.links ?? [],
      ping: this.ping.snapshot(),
      decisions: this.decisions,
      runners: this.runners,
      drops: this.filter.dropCounts(),
      accepted: this.filter.accepted,
      process: { ...processInfo(), loopDelayMaxMs: round(this.loopDelay.max / 1e6), sendGapMaxMs: round(this.maxSendGap) },
    });
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
