// Writes schema/cluster.schema.json from the TypeBox model; test/model/schema-drift.test.ts fails when they differ.
import { writeFileSync } from 'node:fs';
import { clusterJsonSchema } from '../src/model/json-schema.js';

writeFileSync(new URL('../schema/cluster.schema.json', import.meta.url), clusterJsonSchema());
console.log('wrote schema/cluster.schema.json');
