import type { ConfigIssue } from './read.js';

export type { ConfigIssue } from './read.js';

/** A config document that cannot run; `issues` lists every problem with its JSON path. */
export class AgentConfigError extends Error {
  readonly code = 'agent-config';
  constructor(
    readonly source: string,
    readonly issues: ConfigIssue[],
  ) {
    super(`${source}: invalid agent config:\n` + issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'));
    this.name = 'AgentConfigError';
  }
}
