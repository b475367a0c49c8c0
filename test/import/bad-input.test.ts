import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

// Bad input gives a located error (exit 1, nothing written) or a reported passthrough (the stack keeps it in a comment).
const hactl = (args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false });
const scratch = mkdtempSync(join(tmpdir(), 'hactl-import-bad-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function copy(seed: string, name: string): string {
  const dir = join(scratch, name);
  cpSync(join('test/import/fixtures', seed), dir, { recursive: true });
  return dir;
}
const nodes = (dir: string) => readdirSync(dir).map((e) => join(dir, e));

/** exit 1, the code at file:line:col, and no stack file nor a temporary one left beside it */
async function refused(args: string[], out: string, code: string, at: RegExp): Promise<void> {
  const result = await hactl(['import', ...args, '-o', out]);
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toMatch(at);
  expect(result.stderr).toContain(`[${code}]`);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(scratch).filter((f) => f.includes('.tmp-') || f.includes('.check-'))).toEqual([]);
}

describe('hactl import of bad input', () => {
  it('refuses a path that does not exist', async () => {
    await refused([join(scratch, 'nowhere')], join(scratch, 'a.yaml'), 'import-unreadable', /nowhere: no such file or directory/);
  });

  it('refuses a truncated keepalived.conf at the block the file ends in', async () => {
    const dir = copy('seed-002', 'truncated');
    const conf = join(dir, 'lb1/etc/keepalived/keepalived.conf');
    writeFileSync(conf, readFileSync(conf, 'utf8').slice(0, 300));
    await refused(nodes(dir), join(scratch, 'b.yaml'), 'import-truncated', /lb1\/etc\/keepalived\/keepalived\.conf:11:1 /);
  });

  it('refuses a binary file where ha.cf should be', async () => {
    const dir = copy('seed-000', 'binary');
    writeFileSync(join(dir, 'sv1/etc/ha.d/ha.cf'), Buffer.from([0x6c, 0x6f, 0x67, 0x0a, 0x00, 0x89, 0x50, 0x4e, 0x47]));
    await refused(nodes(dir), join(scratch, 'c.yaml'), 'import-binary', /sv1\/etc\/ha\.d\/ha\.cf: is not text/);
  });

  it('refuses a CIB that is not well-formed, at the element', async () => {
    const dir = copy('seed-003', 'cib');
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, readFileSync(cib, 'utf8').replace('</resources>', '</resourcez>'));
    await refused(nodes(dir), join(scratch, 'd.yaml'), 'import-syntax', /cib\.xml:46:6 /);
  });

  it('refuses a CIB whose elements do not validate (a primitive without a type)', async () => {
    const dir = copy('seed-003', 'cib-invalid');
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, readFileSync(cib, 'utf8').replace('type="Filesystem" ', ''));
    await refused(nodes(dir), join(scratch, 'e.yaml'), 'import-cib-invalid', /cib\.xml:34:\d+ /);
  });

  it('keeps unknown ha.cf directives as reported passthrough and still writes the stack', async () => {
    const dir = copy('seed-000', 'unknown');
    for (const n of ['sv1', 'sv2']) appendFileSync(join(dir, n, 'etc/ha.d/ha.cf'), 'compression bz2\nfrobnicate yes\n');
    const out = join(scratch, 'unknown.yaml');
    const result = await hactl(['import', ...nodes(dir), '-o', out]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^passthrough .*sv1\/etc\/ha\.d\/ha\.cf:23: compression bz2 \(the stack has no message compression\)$/m);
    expect(result.stderr).toMatch(/^passthrough .*ha\.cf:24: frobnicate yes \(not a directive heartbeat 3 knows\)$/m);
    expect(readFileSync(out, 'utf8')).toMatch(/^# {3}passthrough .*ha\.cf:24: frobnicate yes/m);
  });

  it('does not follow a symbolic link, and says so', async () => {
    const dir = copy('seed-000', 'symlink');
    symlinkSync('/etc/passwd', join(dir, 'sv1/etc/ha.d/passwd'));
    const result = await hactl(['import', ...nodes(dir), '-o', join(scratch, 'symlink.yaml')]);
    expect(result.stderr).toMatch(/sv1\/etc\/ha\.d\/passwd: warning: a symbolic link: not followed .*\[import-unreadable\]/);
    expect(result.exitCode).toBe(0);
  });

  it('exits 1 with import-nothing-usable when no cluster configuration is among the files', async () => {
    const dir = join(scratch, 'empty/n1/etc');
    cpSync('test/import/fixtures/seed-000/sv1/ip-addr.txt', join(dir, 'ip-addr.txt'));
    await refused([join(scratch, 'empty/n1')], join(scratch, 'f.yaml'), 'import-nothing-usable', /no ha\.cf, keepalived\.conf/);
  });

  it('writes a stack with oddities and reports them as the usual lint diagnostics (a ucast at the node itself, a VIP outside every subnet)', async () => {
    const dir = copy('seed-000', 'odd');
    const cf = join(dir, 'sv1/etc/ha.d/ha.cf');
    writeFileSync(cf, readFileSync(cf, 'utf8').replace('ucast        eth1 192.168.0.3', 'ucast        eth1 192.168.0.2'));
    for (const n of ['sv1', 'sv2']) writeFileSync(join(dir, n, 'etc/ha.d/haresources'), 'sv1      memcached 10.9.9.9/24\n');
    const out = join(scratch, 'odd.yaml');
    const result = await hactl(['import', ...nodes(dir), '-o', out]);
    expect(result.stderr).toMatch(/odd\.yaml:\d+:\d+ heartbeat\.interconnect\.peers\.sv1: .*\[ucast-peer-is-self\]/);
    expect(result.stderr).toMatch(/odd\.yaml:\d+:\d+ resources\[0\]\.members\[1\]\.vip: .*\[vip-no-nic\]/);
    expect(result.exitCode).toBe(1);
    expect(existsSync(out)).toBe(true);
  });

  it('never replaces an existing file', async () => {
    const out = join(scratch, 'exists.yaml');
    writeFileSync(out, 'mine\n');
    const result = await hactl(['import', ...nodes('test/import/fixtures/seed-002'), '-o', out]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('[import-output-exists]');
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
  });
});
