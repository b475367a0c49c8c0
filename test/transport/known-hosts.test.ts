import { createHmac, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';
import { checkHostKey, entryMatches, parseKnownHosts } from '../../src/transport/ssh/known-hosts.js';
import { fingerprint, keyType, knownHostsName } from '../../src/transport/ssh/host-key.js';
import { hostVerification } from '../../src/transport/ssh/host-verifier.js';

const blob = (type: string, body = randomBytes(32)): Buffer => {
  const name = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(name.length);
  const blen = Buffer.alloc(4);
  blen.writeUInt32BE(body.length);
  return Buffer.concat([len, name, blen, body]);
};
const line = (hosts: string, key: Buffer): string => `${hosts} ${keyType(key)} ${key.toString('base64')}`;
const hashed = (name: string): string => {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
};

describe('known_hosts parsing', () => {
  const key = blob('ssh-ed25519');

  it('matches a plain entry by any of its comma-separated names', () => {
    const [entry] = parseKnownHosts(line('lb1,192.168.1.11', key));
    expect(entryMatches(entry!, 'lb1')).toBe(true);
    expect(entryMatches(entry!, '192.168.1.11')).toBe(true);
    expect(entryMatches(entry!, 'lb2')).toBe(false);
  });

  it('matches a [host]:port entry only on that port', () => {
    const entries = parseKnownHosts(line('[10.0.0.1]:2222', key));
    expect(checkHostKey(entries, knownHostsName('10.0.0.1', 2222), key).status).toBe('known');
    expect(checkHostKey(entries, knownHostsName('10.0.0.1', 22), key).status).toBe('unknown');
  });

  it('matches hashed |1|salt|hash entries, including bracketed ones', () => {
    const entries = parseKnownHosts([line(hashed('10.0.0.1'), key), line(hashed('[10.0.0.2]:2200'), key)].join('\n'));
    expect(checkHostKey(entries, '10.0.0.1', key).status).toBe('known');
    expect(checkHostKey(entries, '[10.0.0.2]:2200', key).status).toBe('known');
    expect(checkHostKey(entries, '10.0.0.2', key).status).toBe('unknown');
  });

  it('honours wildcards and negated patterns', () => {
    const [entry] = parseKnownHosts(line('*.lab,!evil.lab', key));
    expect(entryMatches(entry!, 'n1.lab')).toBe(true);
    expect(entryMatches(entry!, 'evil.lab')).toBe(false);
  });

  it('skips comments, blank lines and @cert-authority lines, and keeps line numbers', () => {
    const entries = parseKnownHosts(`# comment\n\n@cert-authority *.lab ${keyType(key)} ${key.toString('base64')}\n${line('lb1', key)}\n`, 'kh');
    expect(entries.filter((e) => !e.marker)).toHaveLength(1);
    expect(entries.find((e) => !e.marker)).toMatchObject({ file: 'kh', line: 4 });
  });

  it('calls another key for a known host a change, and a @revoked key revoked', () => {
    const other = blob('ssh-ed25519');
    expect(checkHostKey(parseKnownHosts(line('lb1', key)), 'lb1', other).status).toBe('changed');
    expect(checkHostKey(parseKnownHosts(`@revoked * ${keyType(key)} ${key.toString('base64')}\n${line('lb1', key)}`), 'lb1', key).status).toBe('revoked');
  });
});

describe('fingerprints', () => {
  const skip = missing({ tools: ['ssh-keygen'] });
  it.skipIf(skip)('prints SHA256 fingerprints exactly as ssh-keygen -l does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hactl-fp-'));
    try {
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'k')]);
      const pub = readFileSync(join(dir, 'k.pub'), 'utf8').split(' ');
      const expected = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(dir, 'k.pub')], { encoding: 'utf8' }).split(' ')[1];
      expect(fingerprint(Buffer.from(pub[1]!, 'base64'))).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('host key policy', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const file = (text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'hactl-kh-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'known_hosts'), text);
    return join(dir, 'known_hosts');
  };

  it('refuses an unknown host without opt-in and names host and fingerprint', () => {
    const key = blob('ssh-ed25519');
    const v = hostVerification('n1', '[10.0.0.1]:2222', { knownHostsFiles: [file('')], acceptNewHostKeys: false });
    expect(v.verify(key)).toBe(false);
    expect(v.refusal()?.code).toBe('ssh-host-unknown');
    expect(v.refusal()?.message).toContain('[10.0.0.1]:2222');
    expect(v.refusal()?.message).toContain(fingerprint(key));
  });

  it('trusts an unknown host on first use when asked, and remembers it', () => {
    const key = blob('ssh-ed25519');
    const kh = file(line('other', blob('ssh-ed25519')));
    expect(hostVerification('n1', '[10.0.0.1]:2222', { knownHostsFiles: [kh], acceptNewHostKeys: true }).verify(key)).toBe(true);
    expect(readFileSync(kh, 'utf8').split('\n')[1]).toBe(line('[10.0.0.1]:2222', key));
    expect(hostVerification('n1', '[10.0.0.1]:2222', { knownHostsFiles: [kh], acceptNewHostKeys: false }).verify(key)).toBe(true);
  });

  it('refuses a changed key even with opt-in, naming both fingerprints', () => {
    const known = blob('ssh-ed25519');
    const presented = blob('ssh-ed25519');
    const v = hostVerification('n1', 'lb1', { knownHostsFiles: [file(line('lb1', known))], acceptNewHostKeys: true });
    expect(v.verify(presented)).toBe(false);
    expect(v.refusal()?.code).toBe('ssh-host-key-changed');
    expect(v.refusal()?.message).toContain(fingerprint(known));
    expect(v.refusal()?.message).toContain(fingerprint(presented));
  });
});
