import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

// hostile input through the built CLI: where it writes, what it prints
const cli = resolve('dist/cli/hactl.js');
const hactl = (args: string[], cwd = process.cwd()) => execa('node', [cli, ...args], { reject: false, cwd, env: { HACTL_AUTHKEY: 'test-key' } });
const scratch = mkdtempSync(join(tmpdir(), 'hactl-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let count = 0;
function workdir(): string {
  const dir = join(scratch, String(count++));
  mkdirSync(dir);
  cpSync('stacks/000-memcached-heartbeat.yaml', join(dir, 'stack.yaml'));
  writeFileSync(join(dir, 'notes.txt'), 'mine\n');
  return dir;
}

describe('hactl render -o', () => {
  it('refuses to render over the directory holding the stack (-o .) or above it, and removes nothing', async () => {
    const dir = workdir();
    for (const out of ['.', '..']) {
      const result = await hactl(['render', 'stack.yaml', '-o', out], dir);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('[output-contains-stack]');
    }
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'stack.yaml']);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('refuses a non-empty directory and a file that hactl did not render', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'data'), 'x');
    for (const out of ['other', 'notes.txt']) {
      const result = await hactl(['render', 'stack.yaml', '-o', out], dir);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('[output-exists]');
    }
    expect(readFileSync(join(dir, 'other', 'data'), 'utf8')).toBe('x');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('renders into an empty directory, and again over its own render', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'out'));
    expect((await hactl(['render', 'stack.yaml', '-o', 'out'], dir)).exitCode).toBe(0);
    expect(existsSync(join(dir, 'out', 'sv1', 'etc', 'ha.d', 'ha.cf'))).toBe(true);
    expect((await hactl(['render', 'stack.yaml', '-o', 'out'], dir)).exitCode).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'out', 'stack.yaml']);
  });

  it('writes nothing outside the output for a files: path that climbs out of it', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'stack.yaml'), `${readFileSync(join(dir, 'stack.yaml'), 'utf8')}files:\n  - { path: /../../escaped, content: x }\n`);
    const result = await hactl(['render', 'stack.yaml', '-o', 'out/tree'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/stack\.yaml:\d+:\d+ files\[0\]\.path: .*\[schema-pattern\]/);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'stack.yaml']);
  });
});

// any control character but the newline and tab that end and indent lines
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

describe('values from a stack in hactl’s messages', () => {
  const stack = (dir: string, edit: (text: string) => string) => {
    writeFileSync(join(dir, 'stack.yaml'), edit(readFileSync(join(dir, 'stack.yaml'), 'utf8')));
    return join(dir, 'stack.yaml');
  };

  it('shows terminal escape sequences escaped, in text and in JSON', async () => {
    const file = stack(workdir(), (t) => t.replace('runtime: heartbeat', 'runtime: "\\e]0;pwned\\a\\e[31m"').replace('  keepalive: 2s', '  "\\e[2J": 1\n  keepalive: 2s'));
    const text = await hactl(['validate', file]);
    expect(text.exitCode).toBe(1);
    expect(text.stderr).not.toMatch(CONTROL);
    expect(text.stderr).toContain('\\x1b]0;pwned\\x07\\x1b[31m');
    expect(text.stderr).toContain('heartbeat.\\x1b[2J: unknown key "\\x1b[2J"');
    const json = await hactl(['validate', '--format', 'json', file]);
    expect(json.stdout).not.toMatch(CONTROL);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\\\x1b[31m');
  });

  it('cuts a 3 MB value to its start and its length', async () => {
    const file = stack(workdir(), (t) => t.replace('runtime: heartbeat', `runtime: "${'A'.repeat(3_000_000)}"`));
    const result = await hactl(['validate', file]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.length).toBeLessThan(2000);
    expect(result.stderr).toContain(`(got "${'A'.repeat(80)}…" (3000000 chars))`);
  });
});

describe('TypeScript stacks through the CLI', () => {
  // a stack that imports nothing, like one kept outside hactl's repository
  const cluster = JSON.stringify({
    cluster: 'memcached',
    runtime: 'heartbeat',
    nodes: { sv1: { nics: { eth0: '172.16.0.2/24', eth1: '192.168.0.2/24' } }, sv2: { nics: { eth0: '172.16.0.3/24', eth1: '192.168.0.3/24' } } },
    heartbeat: { interconnect: [{ nic: 'eth1' }, { nic: 'eth0' }] },
    auth: { method: 'sha1', keyFrom: { env: 'HACTL_AUTHKEY' } },
    resources: [{ group: 'memcached', members: [{ vip: '172.16.0.1/24', nic: 'eth0' }, { service: 'memcached' }] }],
  });

  it('keeps what the stack prints off stdout, so --format json stays JSON', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'talk.ts'), `const c: object = ${cluster};\nconsole.log('hello from the stack');\nexport default c;\n`);
    const result = await hactl(['validate', '--format', 'json', 'talk.ts'], dir);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ ok: true })]);
    expect(result.stderr).toContain('hello from the stack');
  });

  it('reports a stack that calls process.exit() as a located load error instead of exiting 0 silently', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'exit.ts'), "const c = { cluster: 'x' };\nprocess.exit(0);\nexport default c;\n");
    const result = await hactl(['validate', 'exit.ts'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('exit.ts:2:9 ');
    expect(result.stderr).toContain('[stack-load-failed]');
  });
});
