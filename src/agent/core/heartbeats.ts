import { createAuthenticator, type Authenticator } from '../protocol/auth.js';
import { PacketFilter } from '../protocol/filter.js';
import { encodePacket } from '../protocol/packet.js';
import { decodeReport, encodeReport, type NodeReport } from '../protocol/report.js';
import type { Membership } from '../membership/members.js';
import type { Transport } from '../udp/sockets.js';
import type { AgentContext } from './context.js';

/** What this node knows of a peer: its last report and the incarnation (generation) it came from. */
export interface Peer {
  report?: NodeReport;
  generation: number;
}

export interface HeartbeatOptions {
  ctx: AgentContext;
  membership: Membership;
  peers: Map<string, Peer>;
  /** This node's report as it stands now. */
  report(): NodeReport;
  /** This node's boot generation. */
  generation(): number;
  /** A peer's new, authentic report, after it has been stored. */
  onReport(node: string, report: NodeReport): void;
}

/** The heartbeat itself: this node's report out on every link, the peers' reports in. */
export class Heartbeats {
  private readonly auth: Authenticator;
  readonly filter: PacketFilter;
  private transport?: Transport;
  private timer?: NodeJS.Timeout;
  private seqNo = 0;
  private stateVersion = 0;
  private payload: Buffer = Buffer.alloc(0);
  private payloadDirty = true;
  private sendScheduled = false;
  private lastSendAt = 0;
  private maxSendGap = 0;

  constructor(private readonly o: HeartbeatOptions) {
    const { config, node } = o.ctx;
    this.auth = createAuthenticator(config.auth.method, config.auth.key);
    this.filter = new PacketFilter(this.auth, config.cluster, node, config.nodes.map((n) => n.name));
  }

  /** Last sequence number sent. */
  get seq(): number {
    return this.seqNo;
  }

  /** Longest interval between two packets sent, in ms. */
  get longestSendGap(): number {
    return this.maxSendGap;
  }

  /** Starts the keepalive timer on the opened links and sends the first heartbeat at once. */
  start(transport: Transport): void {
    this.transport = transport;
    this.timer = setInterval(() => this.send(), this.o.ctx.config.timings.keepaliveMs);
    this.send();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  markDirty(): void {
    this.payloadDirty = true;
    if (this.sendScheduled || this.o.ctx.isClosed()) return;
    this.sendScheduled = true;
    setImmediate(() => {
      this.sendScheduled = false;
      this.send();
    });
  }

  send(): void {
    if (this.payloadDirty) {
      this.payloadDirty = false;
      const next = encodeReport(this.o.report());
      if (!next.equals(this.payload)) {
        this.payload = next;
        this.stateVersion++;
      }
    }
    this.sendPacket('heartbeat');
  }

  /** Tells the peers this node left, so they take over at once instead of waiting for deadtime. */
  sendLeave(copies: number): void {
    for (let i = 0; i < copies; i++) this.sendPacket('leave');
  }

  private sendPacket(type: 'heartbeat' | 'leave'): void {
    if (!this.transport || this.o.ctx.isClosed()) return;
    const now = performance.now();
    if (this.lastSendAt > 0 && now - this.lastSendAt > this.maxSendGap) this.maxSendGap = now - this.lastSendAt;
    this.lastSendAt = now;
    const { config, node } = this.o.ctx;
    const buf = encodePacket(
      { type, cluster: config.cluster, node, generation: this.o.generation(), seq: ++this.seqNo, stateVersion: this.stateVersion, payload: this.payload },
      this.auth,
    );
    this.transport.send(buf);
  }

  receive(buf: Buffer, link: string): void {
    const accepted = this.filter.accept(buf, link);
    if (accepted === undefined) return;
    const { ctx, membership } = this.o;
    const p = accepted.packet;
    const peer = this.o.peers.get(p.node)!;
    if (accepted.newGeneration) {
      if (peer.generation >= 0) ctx.emit({ event: 'peer-restart', peer: p.node, generation: p.generation });
      peer.generation = p.generation;
    }
    if (p.type === 'leave') {
      if (peer.report) peer.report = { ...peer.report, phase: 'leaving' };
      membership.left(p.node);
      ctx.scheduleReconcile();
      return;
    }
    membership.heard(p.node, link);
    if (!accepted.newState) return;
    const report = decodeReport(p.payload);
    if (report === undefined) {
      this.filter.rejectState(p.node);
      ctx.emit({ event: 'bad-report', peer: p.node });
      return;
    }
    const before = peer.report;
    peer.report = report;
    if (before?.phase !== report.phase) ctx.emit({ event: 'peer-phase', peer: p.node, phase: report.phase });
    this.o.onReport(p.node, report);
  }
}
