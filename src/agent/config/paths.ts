import type { AgentConfig } from './types.js';

/** Where the renderer puts the agent's config on every node and where the agent and its clients look for it. */
export const AGENT_CONFIG_PATH = '/etc/hactl/agent.json';
/** heartbeat v1's directory, read with `--ha-dir`. */
export const DEFAULT_HA_DIR = '/etc/ha.d';
/** The defaults of `runDir` and `control.socket` (config/schema.ts): where an agent listens unless its config says. */
export const DEFAULT_RUN_DIR = '/run/hactl/{cluster}-{node}';
export const DEFAULT_CONTROL_SOCKET = '{runDir}/control.sock';

export interface ResolvedPaths {
  runDir: string;
  socket: string;
  stateDir?: string;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(cluster|node|runDir)\}/g, (_, k: string) => vars[k] ?? '');
}

/** A node's control socket from the config's templates (defaults where it sets none), without loading the config. */
export function controlSocketPath(cluster: string, node: string, templates: { runDir?: string; socket?: string } = {}): string {
  const runDir = fill(templates.runDir ?? DEFAULT_RUN_DIR, { cluster, node });
  return fill(templates.socket ?? DEFAULT_CONTROL_SOCKET, { cluster, node, runDir });
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
