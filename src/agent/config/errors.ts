import { HactlError } from '../../diagnostics/index.js';
import type { ConfigIssue } from './read.js';

export type { ConfigIssue } from './read.js';

/** A config document that cannot run; `issues` lists every problem with its JSON path. */
export class AgentConfigError extends HactlError {
  constructor(
    readonly file: string,
    readonly issues: ConfigIssue[],
  ) {
    super('agent-config', `${file}: invalid agent config:\n` + issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'));
    this.name = 'AgentConfigError';
  }
}
