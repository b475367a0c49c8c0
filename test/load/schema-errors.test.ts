import { describe, expect, it } from 'vitest';
import { loadStackData } from '../../src/load/load-stack.js';
import { heartbeatStack, keepalivedStack } from '../lint/stacks.js';

const SECRET = 'Pw0rdXy1';

async function diagnosticsOf(stack: unknown) {
  const loaded = await loadStackData('stack.yaml', stack);
  expect(loaded.model).toBeUndefined();
  return loaded.diagnostics;
}

describe('schema errors on secret fields', () => {
  it('do not echo a key written where a reference belongs', async () => {
    const diagnostics = await diagnosticsOf({ ...heartbeatStack(), auth: { method: 'sha1', keyFrom: SECRET } });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['schema-type', 'auth.keyFrom']]);
    expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
  });

  it('do not echo a VRRP password written where passFrom belongs', async () => {
    const stack = keepalivedStack();
    stack.vrrp![0]!.auth = { type: 'PASS', passFrom: SECRET as never };
    const diagnostics = await diagnosticsOf(stack);
    expect(diagnostics.map((d) => d.path)).toEqual(['vrrp[0].auth.passFrom']);
    expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
  });

  it('do not echo a key pasted into the auth method', async () => {
    const diagnostics = await diagnosticsOf({ ...heartbeatStack(), auth: { method: SECRET } });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['schema-enum', 'auth.method']]);
    expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
  });

  it('still show what was given on other fields', async () => {
    const diagnostics = await diagnosticsOf({ ...heartbeatStack(), runtime: 'hartbeat' });
    expect(diagnostics[0]!.message).toContain('(got "hartbeat")');
  });
});
