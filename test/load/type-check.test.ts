import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStack } from '../../src/load/load-stack.js';

// inside the repository, so the stacks resolve 'hactl' as in a project that installed it
mkdirSync('.hactl', { recursive: true });
const scratch = mkdtempSync(join(resolve('.hactl'), 'type-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const stack = (name: string, heartbeat: string) => {
  const file = join(scratch, name);
  writeFileSync(
    file,
    `import { defineCluster, node } from 'hactl';
export default defineCluster({
  cluster: 'typed',
  runtime: 'agent',
  nodes: { a1: node({ eth0: '10.0.0.1/24' }), a2: node({ eth0: '10.0.0.2/24' }) },
  heartbeat: ${heartbeat},
  auth: { method: 'sha256', keyFrom: { value: 'x' } },
});
`,
  );
  return file;
};

/** line:column (1-based) of `needle` in the file, as the compiler reports it. */
function at(file: string, needle: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `${line + 1}:${lines[line]!.indexOf(needle) + 1}`;
}

const located = (file: string) => async () =>
  (await loadStack(file)).diagnostics.filter((d) => d.code === 'ts-type-error').map((d) => `${d.location?.line}:${d.location?.column}`);

describe('loading a TypeScript stack', () => {
  it('reports a type error at its line and column, and still runs the stack for the checks after it', async () => {
    const file = stack('nic.ts', "{ interconnect: { nic: 'eth9' } }");
    const loaded = await loadStack(file);
    expect(loaded.diagnostics.map((d) => `${d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column}`)).toEqual([`ts-type-error ${file}:${at(file, 'nic: ')}`]);
    expect(loaded.diagnostics[0]!.message).toMatch(/^TS2322: .*"eth9"/);
    expect(loaded.model).toBeDefined();
  });

  it('reports each misspelt key where it was typed', async () => {
    const file = stack('key.ts', "{ interconnect: { nic: 'eth0' }, keepalve: '2s' }");
    expect(await located(file)()).toEqual([at(file, 'keepalve')]);
  });

  it('reports nothing for a stack that compiles, and can skip the check', async () => {
    expect(await located(stack('good.ts', "{ interconnect: { nic: 'eth0' }, keepalive: '2s' }"))()).toEqual([]);
    const skipped = await loadStack(stack('skipped.ts', "{ interconnect: { nic: 'eth9' } }"), { typeCheck: false });
    expect(skipped.diagnostics).toEqual([]);
  });

  it('is printed by hactl validate as file:line:col with the code, and fails the stack', async () => {
    const file = stack('cli.ts', "{ interconnect: { nic: 'eth0' }, deadtime: '30 seconds' }");
    const result = await execa('node', ['dist/cli/hactl.js', 'validate', file], { reject: false });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`${file}:${at(file, 'deadtime')} TS2322: `);
    expect(result.stderr).toMatch(/30 seconds.*\[ts-type-error\]$/m);
  });
});
