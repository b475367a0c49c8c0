import type { LinkMode } from '../config/index.js';
import type { LinkStatus, NodeStatus } from '../membership/members.js';
import type { PingTargetStatus } from '../membership/ping.js';
import type { FailCountReport, FailedActionReport, GroupRunState, NodeReport } from '../protocol/report.js';

/** What `status` returns over the control socket (and `hactl status --json` prints). */
export interface AgentStatus {
  cluster: string;
  /** The node that answered. */
  node: string;
  generation: number;
  /** Last heartbeat sequence number sent. */
  seq: number;
  phase: NodeReport['phase'];
  uptimeMs: number;
  quorum: { quorate: boolean; votes: number; expected: number; policy: string; reason: string };
  nodes: NodeStatusEntry[];
  /** This node's heartbeat endpoints. */
  links: Array<{ link: string; mode: LinkMode; local: string; port: number; destinations: string[] }>;
  ping: PingTargetStatus[];
  groups: GroupStatusEntry[];
  failCounts: Array<FailCountReport & { node: string }>;
  failedActions: Array<FailedActionReport & { node: string }>;
  /** Dropped datagrams by reason (forged, replayed, malformed...). */
  drops: Record<string, number>;
  accepted: number;
  /** The answering agent process: memory in bytes, CPU in microseconds since start. */
  process: {
    pid: number;
    rss: number;
    heapUsed: number;
    external: number;
    cpuUser: number;
    cpuSystem: number;
    /** Longest event-loop stall seen, and longest interval between two heartbeats sent (both ms, since start). */
    loopDelayMaxMs: number;
    sendGapMaxMs: number;
  };
}

export interface NodeStatusEntry {
  name: string;
  self: boolean;
  status: NodeStatus;
  phase?: NodeReport['phase'];
  standby: boolean;
  pingReachable?: number;
  silentMs?: number;
  /** Longest gap between heartbeats of this peer, and how many gaps reached warntime (late heartbeats). */
  maxGapMs?: number;
  lateCount?: number;
  links: Array<{ link: string; status: LinkStatus; silentMs?: number }>;
}

export interface GroupStatusEntry {
  name: string;
  /** Where placement puts it (this node's view). */
  target: string | null;
  reason: string;
  waitingFor?: string;
  /** Nodes (alive) where the group is running. */
  runningOn: string[];
  /** State per alive node that reports it not stopped. */
  states: Record<string, GroupRunState>;
  movedTo?: string;
  disabled: boolean;
  members: Array<{ id: string; class: string; state: string }>;
}
