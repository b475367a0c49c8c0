import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

// Tests exercise what ships: the built CLI (npm test builds first).
const hactl = (args: string[], env: Record<string, string> = {}) =>
  execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env: { HACTL_AUTHKEY: 'test-key', HACTL_VRRP_PASS: '1111', ...env } });

const scratch = mkdtempSync(join(tmpdir(), 'hactl-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const seedStacks = readdirSync('stacks')
  .filter((f) => /\.(yaml|ts)$/.test(f))
  .map((f) => `stacks/${f}`);

describe('hactl', () => {
  it('prints help and version', async () => {
    const help = await hactl(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('validate');
    const version = await hactl(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('validates every stack in stacks/', async () => {
    // a seed and its TypeScript twin are one cluster: validated together they would clash with each other (VRIDs)
    for (const ext of ['.yaml', '.ts']) {
      const result = await hactl(['validate', ...seedStacks.filter((s) => s.endsWith(ext))]);
      expect(result.stderr).not.toMatch(/failed/);
      expect(result.exitCode).toBe(0);
    }
  });

  it('reports validation as JSON for CI', async () => {
    const result = await hactl(['validate', '--format', 'json', 'stacks/000-memcached-heartbeat.yaml']);
    const report = JSON.parse(result.stdout) as { file: string; ok: boolean }[];
    expect(report).toEqual([expect.objectContaining({ file: 'stacks/000-memcached-heartbeat.yaml', ok: true })]);
  });

  it('fails with file:line:col, the field path and a code, and no stack trace', async () => {
    const stack = join(scratch, 'broken.yaml');
    writeFileSync(stack, 'cluster: x\nruntime: heartbeat\nnodes:\n  a: { nics: { eth0: 10.0.0.300/24 } }\n');
    const result = await hactl(['validate', stack]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`${stack}:4:22 nodes.a.nics.eth0:`);
    expect(result.stderr).toContain('[schema-format]');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints an operator error as hactl: message [code] with its hint, and no stack trace', async () => {
    const result = await hactl(['lab', 'rm', 'x', '--all']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^hactl: give lab names or --all, not both \(hactl lab ls lists them\) \[lab-bad-request\]\nhint: .+\n?$/);
  });

  it('refuses a stack that does not load with its located errors, whatever the command', async () => {
    const stack = join(scratch, 'unloadable.yaml');
    writeFileSync(stack, 'cluster: x\nruntime: heartbeat\nnodes:\n  a: { nics: { eth0: 10.0.0.300/24 } }\n');
    for (const args of [['down', stack], ['status', '--lab', stack], ['lab', 'exec', stack, 'a', '--', 'true']]) {
      const result = await hactl(args);
      expect(result.exitCode, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toContain(`${stack}:4:22 nodes.a.nics.eth0:`);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('renders the same bytes twice', async () => {
    const a = join(scratch, 'a');
    const b = join(scratch, 'b');
    expect((await hactl(['render', 'stacks/001-web-pacemaker-heartbeat.yaml', '-o', a])).exitCode).toBe(0);
    expect((await hactl(['render', 'stacks/001-web-pacemaker-heartbeat.yaml', '-o', b])).exitCode).toBe(0);
    const manifestA = readFileSync(join(a, 'manifest.json'), 'utf8');
    expect(manifestA).toBe(readFileSync(join(b, 'manifest.json'), 'utf8'));
    expect(readFileSync(join(a, 'model.json'), 'utf8')).toBe(readFileSync(join(b, 'model.json'), 'utf8'));
    for (const entry of (JSON.parse(manifestA) as { files: { file: string }[] }).files) {
      expect(readFileSync(join(a, entry.file), 'utf8')).toBe(readFileSync(join(b, entry.file), 'utf8'));
    }
  });

  it('writes nothing when the stack has errors, and keeps an earlier render intact', async () => {
    const out = join(scratch, 'kept');
    expect((await hactl(['render', 'stacks/000-memcached-heartbeat.yaml', '-o', out])).exitCode).toBe(0);
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');
    const stack = join(scratch, 'bad-timings.yaml');
    writeFileSync(
      stack,
      readFileSync('stacks/000-memcached-heartbeat.yaml', 'utf8').replace('deadtime: 30s', 'deadtime: 1s'),
    );
    const result = await hactl(['render', stack, '-o', out]);
    expect(result.exitCode).toBe(1);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
    const fresh = join(scratch, 'never');
    expect((await hactl(['render', stack, '-o', fresh])).exitCode).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(scratch).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('keeps inline keys only in the files that need them: not in model.json, nor as digests in manifest.json', async () => {
    const out = join(scratch, 'inline');
    const stack = join(scratch, 'inline.yaml');
    writeFileSync(
      stack,
      readFileSync('stacks/002-vrrp-keepalived.yaml', 'utf8')
        .replace('platform: centos6', 'platform: debian12')
        .replace('passFrom: { env: HACTL_VRRP_PASS }', 'passFrom: { value: Pw0rdXy1 }'),
    );
    expect((await hactl(['render', stack, '-o', out])).exitCode).toBe(0);
    const model = readFileSync(join(out, 'model.json'), 'utf8');
    expect(model).not.toContain('Pw0rdXy1');
    expect((JSON.parse(model) as { vrrp: { auth: unknown }[] }).vrrp[0]!.auth).toEqual({ type: 'PASS', passFrom: { value: '[redacted]' } });
    const manifest = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { file: string; secret: boolean; sha256?: string }[] }).files;
    for (const entry of manifest) {
      const holds = readFileSync(join(out, entry.file), 'utf8').includes('Pw0rdXy1');
      expect(holds && !entry.secret, `${entry.file} holds the key`).toBe(false);
      expect(entry.sha256 === undefined, `${entry.file}: a digest exactly when the file holds no secret`).toBe(entry.secret);
    }
    expect(manifest.filter((e) => e.secret).map((e) => e.file)).toEqual(['lb1/etc/keepalived/keepalived.conf', 'lb2/etc/keepalived/keepalived.conf']);
  });

  it('keeps secrets out of the model dump and gives authkeys mode 0600', async () => {
    const out = join(scratch, 'secret');
    expect((await hactl(['render', 'stacks/001-web-pacemaker-heartbeat.yaml', '-o', out], { HACTL_AUTHKEY: 'very-secret-key' })).exitCode).toBe(0);
    expect(readFileSync(join(out, 'model.json'), 'utf8')).not.toContain('very-secret-key');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).not.toContain('very-secret-key');
  });
});

describe('hactl writing to a reader that stopped early', () => {
  it('ends quietly when the pipe closes (`hactl validate --format json ... | head -0`), no EPIPE trace', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('node', ['dist/cli/hactl.js', 'validate', '--format', 'json', 'stacks/000-memcached-heartbeat.yaml', 'stacks/001-web-pacemaker-heartbeat.yaml'], { env: { ...process.env, HACTL_AUTHKEY: 'k3y' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
