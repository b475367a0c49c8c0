import type { TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/model/cluster.js';

/** Every object property of the schema, by its path, with its description. */
function properties(schema: TSchema, path: string, out: Map<string, unknown>): Map<string, unknown> {
  const s = schema as TSchema & Record<string, unknown>;
  for (const [key, prop] of Object.entries((s.properties as Record<string, TSchema> | undefined) ?? {})) {
    out.set(`${path}.${key}`, prop.description);
    properties(prop, `${path}.${key}`, out);
  }
  for (const branch of (s.anyOf as TSchema[] | undefined) ?? []) properties(branch, path, out);
  if (s.items) properties(s.items as TSchema, `${path}[]`, out);
  for (const value of Object.values((s.patternProperties as Record<string, TSchema> | undefined) ?? {})) properties(value, `${path}.*`, out);
  return out;
}

describe('the cluster schema', () => {
  it('describes every field (shown on hover in YAML and TypeScript editors)', () => {
    const all = properties(Cluster, '', new Map());
    expect(all.size).toBeGreaterThan(150);
    expect([...all].filter(([, description]) => typeof description !== 'string' || description.length < 3).map(([path]) => path)).toEqual([]);
  });
});
