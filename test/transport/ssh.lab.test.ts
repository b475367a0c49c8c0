import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTransports, openTransports } from '../../src/transport/open-transports.js';
import type { Transport } from '../../src/transport/transport.js';
import { keepalivedModel } from '../apply/fixtures.js';
import { missing } from '../support/env.js';
import { createSshLab, type SshLab } from './support/ssh-lab.js';

const skip = missing({ root: true, tools: ['sshd', 'ip', 'nsenter', 'ssh-keygen'] });

describe.skipIf(skip)('the ssh transport against real OpenSSH servers', () => {
  let env: SshLab;
  let scratch: string;
  const opened: Transport[] = [];

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'hactl-ssh-'));
    env = await createSshLab('tssh', 2);
  });
  afterAll(async () => {
    await closeTransports(opened);
    await env?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  const open = async (knownHostsFiles: string[], acceptNewHostKeys = false) => {
    const model = await keepalivedModel(2);
    const transports = await openTransports(model, { overrides: env.overrides, knownHostsFiles, acceptNewHostKeys, agent: '' });
    opened.push(...transports.values());
    return transports;
  };

  it('connects with a known host key, runs commands and writes files atomically', async () => {
    const t = (await open([env.knownHosts])).get('n1')!;
    expect((await t.exec('hostname')).stdout.trim()).toBe('n1');
    await t.writeFileAtomic('/etc/hactl-test/a.conf', 'hello\n', { mode: '0640', owner: 'root:root' }, { backupSuffix: { day: '20250102', stamp: '20250102-030405' } });
    const live = await t.readFile('/etc/hactl-test/a.conf');
    expect(live).toMatchObject({ mode: '0640', owner: 'root:root' });
    expect(live?.content.toString()).toBe('hello\n');
    expect(readFileSync(join(env.lab.nodeRoot('n1'), 'etc/hactl-test/a.conf'), 'utf8')).toBe('hello\n');
  });

  it('refuses a host whose key differs from known_hosts, naming host and both fingerprints', async () => {
    const wrong = join(scratch, 'wrong_known_hosts');
    const other = readFileSync(env.knownHosts, 'utf8').split('\n').filter(Boolean);
    // every node's line with the other node's key: a "changed" key for both
    const keys = other.map((l) => l.split(' ').slice(1).join(' '));
    writeFileSync(wrong, other.map((l, i) => `${l.split(' ')[0]} ${keys[(i + 1) % keys.length]}`).join('\n') + '\n');
    const err = await open([wrong]).then(() => undefined, (e: Error) => e);
    expect(err).toBeDefined();
    const message = (err as Error).message;
    expect(message).toContain('HOST KEY CHANGED');
    expect(message).toContain('10.77.0.11');
    expect(message).toMatch(/SHA256:[A-Za-z0-9+/]{43}.*SHA256:[A-Za-z0-9+/]{43}/s);
  });

  it('refuses an unknown host unless --accept-new-host-keys, and then records it', async () => {
    const empty = join(scratch, 'empty_known_hosts');
    writeFileSync(empty, '');
    const err = await open([empty]).then(() => undefined, (e: Error & { code?: string }) => e);
    expect(err?.message).toContain('not in known_hosts');
    expect(err?.message).toContain('--accept-new-host-keys');
    await open([empty], true);
    expect(readFileSync(empty, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ')[0]).sort()).toEqual(['10.77.0.11', '10.77.0.12']);
    await open([empty], false);
  });

  it('streams a large file through SFTP and reads it back unchanged', async () => {
    const t = (await open([env.knownHosts])).get('n2')!;
    const big = Buffer.alloc(8 * 1024 * 1024, 'x');
    await t.writeFileAtomic('/etc/hactl-test/big', big, { mode: '0644', owner: 'root:root' }, { backupSuffix: { day: '20250102', stamp: '20250102-030405' } });
    expect((await t.readFile('/etc/hactl-test/big'))?.content.equals(big)).toBe(true);
  });

  it('never reads or writes through a link on the node over SFTP: the write is refused and link and target stay', async () => {
    const t = (await open([env.knownHosts])).get('n1')!;
    const sh = async (script: string) => (await env.lab.exec('n1', ['sh', '-c', script])).stdout;
    await sh('mkdir -p /etc/hactl-links /var/lib/hactl && echo NODE-PRIVATE > /var/lib/hactl/outside.conf && ln -sfn /var/lib/hactl/outside.conf /etc/hactl-links/linked.conf');
    const day = { backupSuffix: { day: '20250102', stamp: '20250102-030405' } };
    const attrs = { mode: '0644', owner: 'root:root' };
    const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code);
    expect(await t.readFiles(['/etc/hactl-links/linked.conf'])).toEqual([{ conflict: 'symlink' }]);
    expect(await code(t.writeFileAtomic('/etc/hactl-links/linked.conf', 'new\n', attrs, day))).toBe('transport-unsafe-path');
    const staged = await t.stageFile('/etc/hactl-links/linked.conf', 'new\n', attrs);
    expect(await code(t.commitStaged(staged, day))).toBe('transport-unsafe-path');
    await t.discardStaged(staged);
    expect(await sh('cat /var/lib/hactl/outside.conf; readlink /etc/hactl-links/linked.conf; ls -A /etc/hactl-links')).toBe('NODE-PRIVATE\n/var/lib/hactl/outside.conf\nlinked.conf');
  });
});
