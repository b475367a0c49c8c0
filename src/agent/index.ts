export type * from './config/index.js';
export { parseAgentConfig, loadAgentConfig, AgentConfigError, scoreValue, resolvePaths, AGENT_CONFIG_PATH, DEFAULT_HA_DIR } from './config/index.js';
export { runAgent, type RunAgentOptions, type RunningAgent } from './run/run.js';
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
} from './control/client.js';
export { formatStatus } from './status/format.js';
export { createLogger, flushLogger, type AgentLogger } from './log/logger.js';
export { AGENT_NODE_FLAGS, AGENT_ENV } from './run/node-flags.js';
export type { AgentStatus, NodeStatusEntry, GroupStatusEntry } from './status/status.js';
export type { ControlRequest, ControlResponse, IsActiveResult } from './control/protocol.js';
export { loadHeartbeatV1, heartbeatV1Config, HeartbeatV1Error, type HeartbeatV1Result, type CompatIssue } from './heartbeat-v1/config.js';
export { place, type PlacementInput, type GroupDecision, type NodeFacts } from './placement/place.js';
