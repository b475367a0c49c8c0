import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const corpus = readdirSync('test/corpus').filter((f) => f.endsWith('.yaml')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'hactl-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the built hactl on the broken-stack corpus', () => {
  it('has at least 25 broken stacks', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
  });

  it.each(corpus)('%s: exit 1, located message with its code, nothing written', async (name) => {
    const file = `test/corpus/${name}`;
    const expectation = /^# expect: ([a-z0-9-]+) at (\d+):(\d+)/m.exec(readFileSync(file, 'utf8'));
    expect(expectation, 'the corpus file names its expected code and position').not.toBeNull();
    const [, code, line, column] = expectation!;
    const validate = await execa('node', ['dist/cli/hactl.js', 'validate', file], { reject: false, env: { HACTL_AUTHKEY: 'k' } });
    expect(validate.exitCode).toBe(1);
    expect(validate.stderr).toContain(`${file}:${line}:${column} `);
    expect(validate.stderr).toContain(`[${code}]`);
    const out = join(scratch, name);
    const render = await execa('node', ['dist/cli/hactl.js', 'render', file, '-o', out], { reject: false, env: { HACTL_AUTHKEY: 'k' } });
    expect(render.exitCode).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
