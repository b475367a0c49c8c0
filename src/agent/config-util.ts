import type { AgentConfig, Score } from './config.js';

export function scoreValue(score: Score): number {
  if (score === 'INFINITY') return Number.POSITIVE_INFINITY;
  if (score === '-INFINITY') return Number.NEGATIVE_INFINITY;
  return score;
}

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
