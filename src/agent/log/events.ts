import type { AdminValue, GroupRunState, NodeReport } from '../protocol/report.js';
import type { AgentTimings, OnFail } from '../config/index.js';
import type { LinkStatus, NodeStatus } from '../membership/members.js';
import type { PingTargetStatus } from '../membership/ping.js';
import type { LinkEndpointInfo } from '../udp/sockets.js';

/**
 * Everything the agent logs, as data: the code emits these, format-event.ts turns each into a pino level, fields
 * and a line of prose. The fields are the event itself (`event` first), so log readers can match on them. A few
 * events carry what only the prose needs (`node`, `moved`, `text`); those are not repeated as fields.
 */
export type AgentEvent =
  // start and stop
  | { event: 'agent-start'; /** prose only: the logger stamps every line with the node */ node: string; generation: number; timings: AgentTimings; groups: string[] }
  | { event: 'auth-crc' }
  | { event: 'agent-stop'; cause: string }
  | { event: 'stop-unclean'; groups: string[] }
  | { event: 'agent-stopped' }
  | { event: 'start-failed'; err: string }
  | { event: 'realtime'; ok: boolean; cause: string }
  | { event: 'compat-warning'; /** prose only */ text: string }
  | { event: 'persist-failed'; err: string }
  | { event: 'metrics-listen'; address: string }
  // heartbeat links and peers
  | ({ event: 'link-open' } & LinkEndpointInfo)
  | { event: 'link-error'; link: string; err: string }
  | { event: 'carrier'; iface: string; up: boolean }
  | { event: 'carrier-error'; err: string }
  | { event: 'ping-state'; target: string; state: PingTargetStatus['state']; cause: string; reachable: number }
  | { event: 'ping-error'; target: string; err: string }
  | { event: 'peer-restart'; peer: string; generation: number }
  | { event: 'bad-report'; peer: string }
  | { event: 'peer-phase'; peer: string; phase: NodeReport['phase'] }
  | { event: 'node-state'; peer: string; from: NodeStatus; to: NodeStatus; cause: string }
  | { event: 'link-state'; peer: string; link: string; from: LinkStatus; to: LinkStatus; cause: string }
  | { event: 'stall'; ms: number }
  | { event: 'phase'; from: NodeReport['phase']; to: NodeReport['phase']; cause: string }
  // decisions
  | { event: 'quorum'; quorate: boolean; votes: number; expected: number; cause: string }
  | { event: 'placement'; group: string; from: string | null; to: string | null; cause: string; /** prose only: the target changed */ moved: boolean }
  | { event: 'admin'; register: string; value: AdminValue; version: number; cause: string }
  | { event: 'cleanup'; /** prose only */ node: string; resource: string; origin: string }
  // groups, roles, fencing
  | { event: 'group-state'; group: string; from: GroupRunState; to: GroupRunState; cause: string }
  | { event: 'resource-failure'; group: string; resource: string; op: string; onFail: OnFail; failCount: number; cause: string }
  | { event: 'op'; group: string; resource: string; op: string; ms: number; ok: boolean }
  | { event: 'reannounce'; group: string; resources: string[] }
  | { event: 'role'; group: string; role: Role; cause: string }
  | { event: 'notify'; group: string; role: Role; ok: boolean; result: string }
  | { event: 'fence-skipped'; target: string; cause: string }
  | { event: 'fence'; target: string; cause: string }
  | { event: 'fence-result'; target: string; ok: boolean; result: string }
  // resource drivers
  | { event: 'arping-failed'; resource: string; err: string }
  | { event: 'process-exit'; resource: string; pid: number | undefined; code: number | null; signal: NodeJS.Signals | null };

/** keepalived's names for what a group is on this node: active here, placed elsewhere, failed here. */
export type Role = 'master' | 'backup' | 'fault';

/** `realtime` events say this cause when the agent did not try (the priority is root's to give). */
export const REALTIME_NOT_ROOT = 'not root';
