// Writes schema/cluster.schema.json and the TypeScript DSL's types (src/dsl/types.ts) from the TypeBox model;
// test/model/schema-drift.test.ts and test/dsl/types-drift.test.ts fail when they differ.
import { mkdirSync, writeFileSync } from 'node:fs';
import { clusterJsonSchema } from '../src/model/json-schema.js';
import { dslTypesSource } from '../src/model/dsl-types.js';

writeFileSync(new URL('../schema/cluster.schema.json', import.meta.url), clusterJsonSchema());
mkdirSync(new URL('../src/dsl/', import.meta.url), { recursive: true });
writeFileSync(new URL('../src/dsl/types.ts', import.meta.url), dslTypesSource());
console.log('wrote schema/cluster.schema.json and src/dsl/types.ts');
