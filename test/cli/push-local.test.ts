import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

// plan/apply through the built CLI against local directories standing in for the nodes (the SSH path is covered
// by test/apply/*.lab.test.ts against real sshd in lab namespaces).
const root = mkdtempSync(join(tmpdir(), 'hactl-push-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const stack = 'stacks/001-web-pacemaker-heartbeat.yaml';
const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env: { HACTL_AUTHKEY: 'push-test-secret' } });

describe('hactl plan / apply --local', () => {
  it('creates every file with its mode, runs no service command on this machine, and keeps the key out of the output', async () => {
    const apply = await hactl('apply', stack, '--local', root);
    expect(apply.exitCode).toBe(0);
    expect(statSync(join(root, 's1/etc/ha.d/authkeys')).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 's2/etc/init.d/tomcat')).mode & 0o777).toBe(0o755);
    expect(apply.stdout + apply.stderr).toMatch(/would restart heartbeat \(skipped/);
    expect(apply.stdout + apply.stderr).toContain('would check user tomcat (skipped: local:');
    expect(apply.stdout + apply.stderr).not.toContain('push-test-secret');
  });

  it('finds no drift after apply and changes nothing on a second apply', async () => {
    const before = statSync(join(root, 's1/etc/ha.d/ha.cf')).mtimeMs;
    const plan = await hactl('plan', stack, '--local', root, '--expect-no-changes');
    expect(plan.exitCode).toBe(0);
    expect(plan.stdout).toMatch(/\? user tomcat \(uid 700\)\s+not checked: local:\S+ is not the node/);
    const again = await hactl('apply', stack, '--local', root);
    expect(again.exitCode).toBe(0);
    expect(again.stdout + again.stderr).toMatch(/no changes/);
    expect(statSync(join(root, 's1/etc/ha.d/ha.cf')).mtimeMs).toBe(before);
  });

  it('shows drift as a diff, redacts secrets, and fails --expect-no-changes', async () => {
    const haCf = join(root, 's2/etc/ha.d/ha.cf');
    writeFileSync(haCf, readFileSync(haCf, 'utf8').replace('keepalive 2', 'keepalive 9'));
    writeFileSync(join(root, 's2/etc/ha.d/authkeys'), 'auth 1\n1 sha1 tampered-secret\n');
    const plan = await hactl('plan', stack, '--local', root, '--expect-no-changes');
    expect(plan.exitCode).toBe(1);
    expect(plan.stdout).toContain('-keepalive 9');
    expect(plan.stdout).toContain('+keepalive 2');
    expect(plan.stdout).not.toContain('tampered-secret');
    expect(plan.stdout).not.toContain('push-test-secret');
  });

  it('prints only the JSON report on stdout with --json; progress goes to stderr', async () => {
    const apply = await hactl('apply', stack, '--local', root, '--json');
    expect(apply.exitCode).toBe(0);
    const report = JSON.parse(apply.stdout) as { ok: boolean };
    expect(report.ok).toBe(true);
    expect(apply.stderr).toMatch(/\[s1\] /);
  });

  it('writes nothing outside the root for a files: path that climbs out of it', async () => {
    const base = mkdtempSync(join(tmpdir(), 'hactl-push-escape-'));
    try {
      const evil = join(base, 'stack.yaml');
      writeFileSync(evil, `${readFileSync(stack, 'utf8')}files:\n  - { path: /../../../escaped, content: x }\n`);
      const target = join(base, 'nodes', 'root');
      const apply = await hactl('apply', evil, '--local', target);
      expect(apply.exitCode).toBe(1);
      expect(apply.stderr).toContain('[schema-pattern]');
      expect(readdirSync(base)).toEqual(['stack.yaml']);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('hactl plan / apply --local and symbolic links in DIR', () => {
  const keepalived = 'stacks/002-vrrp-keepalived.yaml';
  const run = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env: { HACTL_VRRP_PASS: 'Pw4links' } });

  it('apply refuses a node whose etc is a link out of DIR, and nothing lands where it points', async () => {
    const dir = mkdtempSync(join(root, 'links-'));
    const elsewhere = mkdtempSync(join(root, 'elsewhere-'));
    mkdirSync(join(dir, 'lb1'));
    symlinkSync(elsewhere, join(dir, 'lb1/etc'));
    const apply = await run('apply', keepalived, '--local', dir, '--json');
    expect(apply.exitCode).toBe(1);
    expect(apply.stdout).toMatch(/"code":\s*"apply-path-conflict"/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(join(dir, 'lb2/etc/keepalived/keepalived.conf'))).toBe(true);
  });

  it('plan shows a linked keepalived.conf as a conflict, exits 1 and never prints what the link points to', async () => {
    const dir = mkdtempSync(join(root, 'links-'));
    const secret = join(mkdtempSync(join(root, 'elsewhere-')), 'private.conf');
    writeFileSync(secret, 'OUTSIDE-DIR-CONTENT\n');
    mkdirSync(join(dir, 'lb1/etc/keepalived'), { recursive: true });
    symlinkSync(secret, join(dir, 'lb1/etc/keepalived/keepalived.conf'));
    const plan = await run('plan', keepalived, '--local', dir);
    expect(plan.exitCode).toBe(1);
    expect(plan.stdout + plan.stderr).not.toContain('OUTSIDE-DIR-CONTENT');
    expect(plan.stdout).toMatch(/! \/etc\/keepalived\/keepalived\.conf\s+conflict: .*symbolic link/);
    const apply = await run('apply', keepalived, '--local', dir);
    expect(apply.exitCode).toBe(1);
    expect(readFileSync(secret, 'utf8')).toBe('OUTSIDE-DIR-CONTENT\n');
    expect(lstatSync(join(dir, 'lb1/etc/keepalived/keepalived.conf')).isSymbolicLink()).toBe(true);
  });
});
