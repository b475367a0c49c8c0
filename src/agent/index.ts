export type * from './config.js';
export { parseAgentConfig, loadAgentConfig, AgentConfigError, scoreValue, resolvePaths } from './config.js';
export { runAgent, type RunAgentOptions, type RunningAgent, DEFAULT_CONFIG_PATH, DEFAULT_HA_DIR } from './run.js';
export { Agent, type AgentOptions } from './core/agent.js';
export {
  requestAgent,
  agentStatus,
  agentStandby,
  agentOnline,
  agentMove,
  agentUnmove,
  agentCleanup,
  agentIsActive,
  agentSocketPath,
  AgentClientError,
  type SocketLookup,
  type ClientOptions,
} from './client.js';
export { formatStatus } from './format-status.js';
export { createLogger, flushLogger, AGENT_NODE_FLAGS, AGENT_ENV, type AgentLogger } from './log.js';
export type { AgentStatus, NodeStatusEntry, GroupStatusEntry } from './status.js';
export type { ControlRequest, ControlResponse, IsActiveResult } from './control/protocol.js';
export { loadHeartbeatV1, heartbeatV1Config, HeartbeatV1Error, type HeartbeatV1Result, type CompatIssue } from './compat/heartbeat-v1.js';
export { place, type PlacementInput, type GroupDecision, type NodeFacts } from './placement/place.js';
