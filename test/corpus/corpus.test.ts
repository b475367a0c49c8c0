import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/index.js';
import { validateStacks } from '../../src/pipeline/validate.js';

const dir = 'test/corpus';
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

// The same environment the CLI corpus test gives the built binary: one key set, nothing else.
const env = { HACTL_AUTHKEY: 'corpus-key' };

function expectation(file: string): { code: string; line: number; column: number } {
  const match = /^# expect: ([a-z0-9-]+) at (\d+):(\d+)$/m.exec(readFileSync(file, 'utf8').split('\n')[0] ?? '');
  if (!match) throw new Error(`${file} must start with '# expect: <code> at <line>:<col>'`);
  return { code: match[1]!, line: Number(match[2]), column: Number(match[3]) };
}

describe('the broken-stack corpus', () => {
  it('holds at least 30 broken stacks', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it.each(corpus)('%s fails with its code at its line:col', async (name) => {
    const file = join(dir, name);
    const { code, line, column } = expectation(file);
    const [stack] = await validateStacks([file], { env });
    const printed = stack!.diagnostics.map(formatDiagnostic);
    expect(stack!.ok, printed.join('\n')).toBe(false);
    const hits = stack!.diagnostics.filter((d) => d.code === code).map((d) => `${d.location?.line}:${d.location?.column}`);
    expect(hits, printed.join('\n')).toContain(`${line}:${column}`);
    for (const d of stack!.diagnostics) {
      expect(d.location, formatDiagnostic(d)).toBeDefined();
      expect(d.location!.line, formatDiagnostic(d)).toBeGreaterThan(0);
    }
  });
});
