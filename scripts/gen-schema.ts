// Writes the checked-in JSON Schemas from their TypeBox declarations; a drift test fails when they differ:
// schema/cluster.schema.json (the stack model, test/model/schema-drift.test.ts) and
// schema/agent.schema.json (the agent's config document, test/agent/config/schema-drift.test.ts).
import { writeFileSync } from 'node:fs';
import { agentJsonSchema } from '../src/agent/config/json-schema.js';
import { clusterJsonSchema } from '../src/model/json-schema.js';

const schemas: Array<[string, () => string]> = [
  ['cluster.schema.json', clusterJsonSchema],
  ['agent.schema.json', agentJsonSchema],
];
for (const [file, generate] of schemas) {
  writeFileSync(new URL(`../schema/${file}`, import.meta.url), generate());
  console.log(`wrote schema/${file}`);
}
