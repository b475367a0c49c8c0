import { join } from 'node:path';
import { agentStatus } from '../../agent/control/client.js';
import { AGENT_CONFIG_PATH, loadAgentConfig, resolvePaths } from '../../agent/config/index.js';
import type { AgentStatus } from '../../agent/status/status.js';
import type { Lab } from '../../netns/index.js';
import { memberName } from './lab-spec.js';

/** A lab node's agent asked from the host: its control socket is a file in the node's private /run, seen from here. */
export async function labAgentStatus(lab: Lab, node: string, timeoutMs = 2_000): Promise<AgentStatus> {
  const root = lab.nodeRoot(memberName(node));
  const config = await loadAgentConfig(join(root, AGENT_CONFIG_PATH));
  return agentStatus(join(root, resolvePaths(config, node).socket), { timeoutMs });
}
