import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusterJsonSchema } from '../../src/model/json-schema.js';
import { SCHEMA_ID } from '../../src/model/cluster.js';

describe('schema/cluster.schema.json', () => {
  const checkedIn = readFileSync(new URL('../../schema/cluster.schema.json', import.meta.url), 'utf8');

  it('matches the TypeBox model it is generated from (run `npm run schema` after changing the model)', () => {
    expect(checkedIn).toBe(clusterJsonSchema());
  });

  it('carries an $id so editors can bind YAML stacks to it', () => {
    expect(JSON.parse(checkedIn).$id).toBe(SCHEMA_ID);
  });
});
