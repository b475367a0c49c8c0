import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AGENT_SCHEMA_ID, agentJsonSchema } from '../../../src/agent/config/index.js';

describe('schema/agent.schema.json', () => {
  const checkedIn = readFileSync(new URL('../../../schema/agent.schema.json', import.meta.url), 'utf8');

  it('matches the TypeBox declaration it is generated from (run `npm run schema` after changing it)', () => {
    expect(checkedIn).toBe(agentJsonSchema());
  });

  it('carries an $id so editors can bind agent.json files to it', () => {
    expect(JSON.parse(checkedIn).$id).toBe(AGENT_SCHEMA_ID);
  });

  it('accepts the rendered quickstart document, as an editor checks it', async () => {
    const Ajv = (await import('ajv')).default as unknown as typeof import('ajv').Ajv;
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('ip', (s: string) => isIP(s) !== 0);
    ajv.addFormat('ipv4', (s: string) => isIP(s) === 4);
    const validate = ajv.compile(JSON.parse(checkedIn));
    const doc = JSON.parse(readFileSync(new URL('../../golden/quickstart/qs1/etc/hactl/agent.json', import.meta.url), 'utf8'));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...doc, colour: 'blue' })).toBe(false);
  });
});
