import { join } from 'node:path';
import { agentStatus } from '../../agent/client.js';
import { loadAgentConfig } from '../../agent/config-parse.js';
import { resolvePaths } from '../../agent/config-util.js';
import type { AgentStatus } from '../../agent/status.js';
import type { Lab } from '../../netns/index.js';
import { memberName } from './lab-spec.js';
import { AGENT_CONFIG_PATH } from './runtimes.js';

/** A lab node's agent asked from the host: its control socket is a file in the node's private /run, seen from here. */
export async function labAgentStatus(lab: Lab, node: string, timeoutMs = 2_000): Promise<AgentStatus> {
  const root = lab.nodeRoot(memberName(node));
  const config = await loadAgentConfig(join(root, AGENT_CONFIG_PATH));
  return agentStatus(join(root, resolvePaths(config, node).socket), { timeoutMs });
}
