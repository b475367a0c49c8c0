import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModule } from '../../src/load/load-module.js';
import { loadStack } from '../../src/load/load-stack.js';
import { heartbeatStack } from '../lint/stacks.js';

// a scratch directory outside any package.json: a .ts file there is compiled as CommonJS
const scratch = mkdtempSync(join(tmpdir(), 'hactl-ts-stack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// a stack that imports nothing, as one kept outside hactl's repository would be
const cluster = JSON.stringify(heartbeatStack());

function stack(name: string, body: string): string {
  const file = join(scratch, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, body);
  return file;
}

/** 1-based line and column of `needle` in the file, as a stack trace gives them. */
function positionOf(file: string, needle: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `${line + 1}:${lines[line]!.indexOf(needle) + 1}`;
}

const failure = async (file: string) => {
  const loaded = await loadStack(file);
  expect(loaded.model).toBeUndefined();
  return loaded.diagnostics.map((d) => `${d.code} ${d.path ?? ''} ${d.location?.line}:${d.location?.column}`.replace('  ', ' '));
};

describe('TypeScript stacks', () => {
  it('loads the same cluster from .ts outside an ESM package, .mts, .cts and .ts inside one', async () => {
    const typed = `const c: Record<string, unknown> = ${cluster};\nexport default c;\n`;
    stack('esm/package.json', '{ "type": "module" }');
    const files = [stack('plain.ts', typed), stack('plain.mts', typed), stack('plain.cts', typed), stack('esm/plain.ts', typed)];
    const models = await Promise.all(files.map(async (f) => (await loadStack(f)).model));
    expect(models[0]).toBeDefined();
    expect(models[0]!.cluster).toBe(heartbeatStack().cluster);
    for (const model of models.slice(1)) expect(model).toEqual(models[0]);
  });

  it('loads an ES module stack that awaits at the top level, and plain CommonJS', async () => {
    const awaiting = await loadStack(stack('await.mts', `const c = await Promise.resolve(${cluster});\nexport default c;\n`));
    const commonjs = await loadStack(stack('plain.cjs', `module.exports = ${cluster};\n`));
    expect(awaiting.diagnostics).toEqual([]);
    expect(commonjs.diagnostics).toEqual([]);
    expect(awaiting.model).toEqual(commonjs.model);
  });

  it('reports a stack that calls process.exit() at the call, and carries on', async () => {
    const file = stack('exit.ts', `const c = ${cluster};\nif (c) process.exit(0);\nexport default c;\n`);
    expect(await failure(file)).toEqual([`stack-load-failed ${positionOf(file, 'exit(0)')}`]);
  });

  it('reports an error thrown while loading at the throw', async () => {
    const file = stack('throw.ts', `const c = ${cluster};\nif (c) throw new Error('no cluster today');\nexport default c;\n`);
    expect(await failure(file)).toEqual([`stack-load-failed ${positionOf(file, 'new Error')}`]);
  });

  it('reports a stack that does not compile at the error', async () => {
    const file = stack('syntax.ts', `const c = ${cluster};\nconst broken: number = ;\nexport default c;\n`);
    expect(await failure(file)).toEqual(['stack-load-failed 2:24']);
  });

  it('reports a getter that throws at its field, and a Proxy that throws at the export', async () => {
    const getter = stack('getter.ts', `const c = ${cluster};\nObject.defineProperty(c, 'description', { enumerable: true, get() { throw new Error('boom'); } });\nexport default c;\n`);
    expect(await failure(getter)).toEqual([`stack-load-failed description ${positionOf(getter, 'new Error')}`]);
    const proxy = stack('proxy.ts', `const c = ${cluster};\nexport default new Proxy(c, { ownKeys() { throw new Error('boom'); } });\n`);
    expect(await failure(proxy)).toEqual([`stack-load-failed ${positionOf(proxy, 'new Error')}`]);
  });

  it('rejects what is no data (a function, a Date) at its path, but lets NaN and Infinity reach the schema', async () => {
    expect(await failure(stack('fn.ts', `const c = ${cluster};\nexport default { ...c, description: () => 'x' };\n`))).toEqual(['stack-load-failed description 0:0']);
    expect(await failure(stack('date.ts', `const c = ${cluster};\nexport default { ...c, nodes: { sv1: new Date() } };\n`))).toEqual(['stack-load-failed nodes.sv1 0:0']);
    const inf = await loadStack(stack('inf.ts', `const c = ${cluster};\nexport default { ...c, heartbeat: { ...c.heartbeat, initdead: Infinity } };\n`));
    expect(inf.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(['schema-type heartbeat.initdead']);
  });

  it('reports a stack without a default export', async () => {
    expect(await failure(stack('none.ts', `export const c = ${cluster};\n`))).toEqual(['stack-load-failed 0:0']);
  });

  it('gives up on a stack that never finishes loading', async () => {
    const result = await loadModule(stack('forever.mts', 'await new Promise((resolve) => setInterval(() => {}, 1000));\nexport default {};\n'), 3000);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostic.code).toBe('stack-load-failed');
  });
});
