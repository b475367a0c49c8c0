import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moduleSourceMap } from '../../src/load/module-source-map.js';
import { validateStacks } from '../../src/pipeline/validate.js';

/** line:column (1-based) of the n-th `needle` in the text. */
function at(text: string, needle: string, nth = 1): string {
  let offset = -1;
  for (let i = 0; i < nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not in the text`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const where = async (text: string, path: string, kind: 'key' | 'value' = 'value') => {
  const location = (await moduleSourceMap('stack.ts', text)).locate(path, kind);
  return `${location.line}:${location.column}`;
};

const LITERAL = `import { defineCluster } from 'hactl';
export default defineCluster({
  cluster: 'lit',
  nodes: {
    a1: { nics: { eth0: '10.0.0.1/24' } },
    a2: { nics: { eth0: '10.0.0.2/24' } },
  },
  resources: [
    { group: 'web', members: [{ vip: '10.0.0.100/24', nic: 'eth0' }, { vip: '10.0.9.100/24', nic: 'eth0' }] },
  ],
});
`;

const BUILDERS = `import { defineCluster, group, node, vip } from 'hactl';
const a2 = node({ eth0: '10.0.0.2/24' });
const web = group('web', [vip('10.0.0.100/24', 'eth0'), vip('10.0.9.100/24', 'eth0')], { preferred: 'a9' });
const extra = [vip('10.0.0.101/24', 'eth0')];
export default defineCluster({
  cluster: 'built',
  nodes: { a1: node({ eth0: '10.0.0.1/24' }), a2 },
  resources: [web, group('more', [...extra, vip('10.0.0.102/24', 'eth0')])],
} satisfies object);
`;

describe('where a TypeScript stack wrote a value', () => {
  it('walks object and array literals under export default defineCluster(...) to the value, or to its key', async () => {
    expect(await where(LITERAL, 'resources[0].members[1].vip')).toBe(at(LITERAL, `'10.0.9.100/24'`));
    expect(await where(LITERAL, 'resources[0].members[1].vip', 'key')).toBe(at(LITERAL, 'vip', 2));
    expect(await where(LITERAL, 'nodes.a2.nics.eth0')).toBe(at(LITERAL, `'10.0.0.2/24'`));
    expect(await where(LITERAL, undefined as unknown as string)).toBe(at(LITERAL, '{\n  cluster'));
  });

  it('follows consts of the file and steps into builder calls: keys in their object arguments, indexes in their one list', async () => {
    expect(await where(BUILDERS, 'resources[0].preferred')).toBe(at(BUILDERS, `'a9'`));
    expect(await where(BUILDERS, 'resources[0].members[1]')).toBe(at(BUILDERS, `vip('10.0.9.100/24'`));
    expect(await where(BUILDERS, 'nodes.a2')).toBe(at(BUILDERS, `node({ eth0: '10.0.0.2/24' })`));
  });

  it('stops at the nearest expression written in the file where code decides (a spread before the element, a helper call)', async () => {
    // the element's index counts the spread's elements too: the list is as far as the source says
    expect(await where(BUILDERS, 'resources[1].members[1].vip')).toBe(at(BUILDERS, `[...extra`));
    // node() builds the nics map: its argument holds no key named nics
    expect(await where(BUILDERS, 'nodes.a1.nics.eth0')).toBe(at(BUILDERS, `node({ eth0: '10.0.0.1/24' })`));
  });

  it('puts everything at the top of the file when there is no default export', async () => {
    expect(await where(`export const stack = { cluster: 'x' };\n`, 'cluster')).toBe('0:0');
  });
});

// inside the repository, so the stack resolves 'hactl' as in a project that installed it
mkdirSync('.hactl', { recursive: true });
const scratch = mkdtempSync(join(resolve('.hactl'), 'module-source-map-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('validating a TypeScript stack', () => {
  it('reports a semantic error at the line and column where the value was typed, as for a YAML stack', async () => {
    const file = join(scratch, 'outside.ts');
    writeFileSync(file, LITERAL.replace("cluster: 'lit',", "cluster: 'lit',\n  runtime: 'agent',\n  auth: { method: 'sha256', keyFrom: { value: 'x' } },\n  heartbeat: { interconnect: { nic: 'eth0', mode: 'bcast', port: 694 } },"));
    const [stack] = await validateStacks([file]);
    const outside = stack!.diagnostics.find((d) => d.code === 'vip-outside-subnet' || d.code === 'vip-no-nic');
    expect(outside, JSON.stringify(stack!.diagnostics)).toBeDefined();
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    expect(`${outside!.location?.line}:${outside!.location?.column}`).toBe(at(text, `'10.0.9.100/24'`));
  });
});
