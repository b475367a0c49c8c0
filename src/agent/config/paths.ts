import type { AgentConfig } from './types.js';

/** Where the renderer puts the agent's config on every node and where the agent and its clients look for it. */
export const AGENT_CONFIG_PATH = '/etc/hactl/agent.json';
/** heartbeat v1's directory, read with `--ha-dir`. */
export const DEFAULT_HA_DIR = '/etc/ha.d';

export interface ResolvedPaths {
  runDir: string;
  socket: string;
  stateDir?: string;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(cluster|node|runDir)\}/g, (_, k: string) => vars[k] ?? '');
}

/** Placeholders are filled per node so one document can serve every node of a lab on one host. */
export function resolvePaths(config: AgentConfig, node: string): ResolvedPaths {
  const runDir = fill(config.runDir, { cluster: config.cluster, node });
  const vars = { cluster: config.cluster, node, runDir };
  return {
    runDir,
    socket: fill(config.control.socket, vars),
    stateDir: config.stateDir === undefined ? undefined : fill(config.stateDir, vars),
  };
}
