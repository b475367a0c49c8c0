import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module the agent process loads from its entry point, followed through static imports. */
function staticImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s(?!type\b)[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:')) packages.add(spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the agent process', () => {
  it('starts without Ajv or Handlebars: its config is read with its own TypeBox declaration', () => {
    const { files, packages } = staticImports(new URL('../../../src/agent/run/main.ts', import.meta.url).pathname);
    expect([...files].some((f) => f.endsWith('src/agent/config/parse.ts'))).toBe(true);
    expect([...packages].sort()).toEqual(['@sinclair/typebox', 'pino']);
  });
});
