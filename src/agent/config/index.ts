export type * from './types.js';
export { AgentConfigSchema, AgentResourceSchema, AGENT_SCHEMA_ID } from './schema.js';
export { parseAgentConfig } from './parse.js';
export { loadAgentConfig } from './load.js';
export { AgentConfigError, type ConfigIssue } from './errors.js';
export { AGENT_CONFIG_PATH, DEFAULT_HA_DIR, resolvePaths, type ResolvedPaths } from './paths.js';
export { scoreValue } from './score.js';
export { splitAddress } from './address.js';
export { agentJsonSchema } from './json-schema.js';
