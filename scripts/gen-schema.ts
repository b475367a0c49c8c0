// Writes the checked-in generated files from their TypeBox declarations; drift tests fail when they differ:
// schema/cluster.schema.json (the stack model, test/model/schema-drift.test.ts), src/dsl/types.ts (the TypeScript
// DSL's types, test/dsl/types-drift.test.ts) and schema/agent.schema.json (the agent's config document,
// test/agent/config/schema-drift.test.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { agentJsonSchema } from '../src/agent/config/json-schema.js';
import { clusterJsonSchema } from '../src/model/json-schema.js';
import { dslTypesSource } from '../src/model/dsl-types.js';

const schemas: Array<[string, () => string]> = [
  ['cluster.schema.json', clusterJsonSchema],
  ['agent.schema.json', agentJsonSchema],
];
for (const [file, generate] of schemas) {
  writeFileSync(new URL(`../schema/${file}`, import.meta.url), generate());
  console.log(`wrote schema/${file}`);
}
mkdirSync(new URL('../src/dsl/', import.meta.url), { recursive: true });
writeFileSync(new URL('../src/dsl/types.ts', import.meta.url), dslTypesSource());
console.log('wrote src/dsl/types.ts');
