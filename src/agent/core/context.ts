import type { AgentConfig } from '../config/index.js';
import type { AgentEvent } from '../log/events.js';
import type { AgentLogger } from '../log/logger.js';

/** What every job of the agent shares: who it is, where events go, and the two "something changed" signals. */
export interface AgentContext {
  readonly config: AgentConfig;
  readonly node: string;
  readonly log: AgentLogger;
  emit(event: AgentEvent): void;
  /** This node's report changed: send it now rather than at the next keepalive. */
  markDirty(): void;
  /** Placement may have changed: decide again once pending I/O has been read. */
  scheduleReconcile(): void;
  /** The agent has shut its sockets and timers: nothing may be sent or scheduled any more. */
  isClosed(): boolean;
}
