import { AgentConfigSchema } from './schema.js';

/** The checked-in schema/agent.schema.json text: plain JSON, stable key order, TypeBox's symbols dropped. */
export function agentJsonSchema(): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...AgentConfigSchema }, null, 2)}\n`;
}
