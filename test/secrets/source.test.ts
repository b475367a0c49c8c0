import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SECRET_BYTES, secretSource, type SecretResult } from '../../src/secrets/source.js';

const dir = mkdtempSync(join(tmpdir(), 'hactl-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = secretSource({ env: { ONE: 'a-key', TWO_LINES: 'a\nXEVIL', BELL: 'a\u0007b' }, baseDir: dir });
const file = (name: string, content: string | Buffer, mode = 0o600) => {
  const path = join(dir, name);
  writeFileSync(path, content, { mode });
  chmodSync(path, mode);
  return path;
};

/** The refusal, checked to never carry the key's text. */
function refused(r: SecretResult, secret?: string): { code: string; reason: string } {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  if (secret) expect(r.reason).not.toContain(secret);
  return { code: r.code, reason: r.reason };
}

describe('key files', () => {
  it('reads a one-line key from a 0600 file, without its trailing newline', () => {
    expect(source.resolve({ file: file('k', 'from-a-file\n') })).toEqual({ ok: true, value: 'from-a-file' });
  });

  it('refuses /proc/self/environ: the whole environment is not a key', () => {
    expect(refused(source.resolve({ file: '/proc/self/environ' }))).toMatchObject({ code: 'auth-secret-invalid', reason: expect.stringMatching(/pseudo-file/) });
  });

  it('refuses /dev/zero at once instead of reading forever', () => {
    const t0 = performance.now();
    expect(refused(source.resolve({ file: '/dev/zero' }))).toMatchObject({ code: 'auth-secret-invalid', reason: expect.stringMatching(/a device/) });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses a named pipe without waiting for a writer', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(refused(source.resolve({ file: fifo }))).toMatchObject({ code: 'auth-secret-invalid', reason: expect.stringMatching(/named pipe/) });
  });

  it('refuses a directory with a message, not an internal EISDIR', () => {
    const sub = join(dir, 'keys.d');
    mkdirSync(sub);
    expect(refused(source.resolve({ file: sub }))).toMatchObject({ code: 'auth-secret-invalid', reason: expect.stringMatching(/a directory/) });
  });

  it(`refuses a file bigger than ${MAX_SECRET_BYTES} bytes`, () => {
    expect(refused(source.resolve({ file: file('big', Buffer.alloc(MAX_SECRET_BYTES + 1, 'a')) }))).toMatchObject({ code: 'auth-secret-invalid' });
  });

  it('refuses a key of several lines, naming the file and not the key', () => {
    expect(refused(source.resolve({ file: file('multi', 'first-line\nsecond-line\n') }), 'first-line')).toMatchObject({
      code: 'auth-secret-invalid',
      reason: expect.stringMatching(/more than one line/),
    });
  });

  it.skipIf(!existsSync('/etc/shadow'))('refuses /etc/shadow', () => {
    expect(refused(source.resolve({ file: '/etc/shadow' })).code).toBe('auth-secret-invalid');
  });

  it('reports a key file its group or everyone may read', () => {
    expect(source.resolve({ file: file('loose', 'loose-key\n', 0o644) })).toEqual({ ok: true, value: 'loose-key', exposed: true });
    expect(source.resolve({ file: file('group', 'group-key\n', 0o640) })).toEqual({ ok: true, value: 'group-key', exposed: true });
  });

  it('creates a generated key 0600 and reads it back', () => {
    const generated = secretSource({ baseDir: dir, allowGenerate: true }).resolve({ file: 'gen/authkey', generate: true });
    expect(generated).toMatchObject({ ok: true });
    expect(generated.ok && generated.exposed).toBeFalsy();
  });
});

describe('keys from the environment', () => {
  it('takes a one-line value', () => {
    expect(source.resolve({ env: 'ONE' })).toEqual({ ok: true, value: 'a-key' });
  });

  it('refuses a value with a line break or a control character, naming the variable and not the value', () => {
    expect(refused(source.resolve({ env: 'TWO_LINES' }), 'XEVIL')).toMatchObject({ code: 'auth-secret-invalid', reason: expect.stringMatching(/TWO_LINES/) });
    expect(refused(source.resolve({ env: 'BELL' })).code).toBe('auth-secret-invalid');
  });

  it('still reports an unset variable as missing', () => {
    expect(refused(source.resolve({ env: 'UNSET' })).code).toBe('auth-secret-missing');
  });
});
