import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/index.js';
import type { ClusterInput } from '../../src/model/cluster.js';
import { validateStacks } from '../../src/pipeline/validate.js';
import { heartbeatStack, keepalivedStack, lint, pathsOf, severityOf } from './stacks.js';

const keys = mkdtempSync(join(tmpdir(), 'hactl-lint-secrets-'));
afterAll(() => rmSync(keys, { recursive: true, force: true }));
writeFileSync(join(keys, 'multi'), 'first-line\nsecond-line\n', { mode: 0o600 });
writeFileSync(join(keys, 'loose'), 'loose-key\n', { mode: 0o644 });
writeFileSync(join(keys, 'spaced'), 'two words\n', { mode: 0o600 });

const withKey = (keyFrom: NonNullable<ClusterInput['auth']>['keyFrom']): ClusterInput => ({ ...heartbeatStack(), auth: { method: 'sha1', keyFrom } });

describe('key checks at validate time', () => {
  it('rejects a key file of several lines at the file entry', async () => {
    expect(await pathsOf(withKey({ file: 'multi' }), 'auth-secret-invalid', { baseDir: keys })).toEqual(['auth.keyFrom.file']);
  });

  it('rejects /proc/self/environ and a directory as key files', async () => {
    expect(await pathsOf(withKey({ file: '/proc/self/environ' }), 'auth-secret-invalid')).toEqual(['auth.keyFrom.file']);
    expect(await pathsOf(withKey({ file: keys }), 'auth-secret-invalid')).toEqual(['auth.keyFrom.file']);
  });

  it('rejects a key variable with a line break, without printing it', async () => {
    const diagnostics = await lint(withKey({ env: 'HACTL_AUTHKEY' }), { env: { HACTL_AUTHKEY: 'a\nXEVIL' } });
    expect(diagnostics.filter((d) => d.code === 'auth-secret-invalid').map((d) => d.path)).toEqual(['auth.keyFrom.env']);
    expect(JSON.stringify(diagnostics)).not.toContain('XEVIL');
  });

  it('warns about a key file its group or everyone may read', async () => {
    const stack = withKey({ file: 'loose' });
    expect(await pathsOf(stack, 'auth-key-file-mode', { baseDir: keys })).toEqual(['auth.keyFrom.file']);
    expect(await severityOf(stack, 'auth-key-file-mode', { baseDir: keys })).toEqual(['warning']);
  });

  it('rejects an authkeys key with a space for heartbeat, which reads one word', async () => {
    expect(await pathsOf(withKey({ file: 'spaced' }), 'render-unsafe-value', { baseDir: keys })).toEqual(['auth.keyFrom']);
  });

  it('rejects a VRRP password keepalived.conf cannot write as one word, without printing it', async () => {
    const diagnostics = await lint(keepalivedStack(), { env: { HACTL_VRRP_PASS: 'a b#c' } });
    expect(diagnostics.filter((d) => d.code === 'render-unsafe-value').map((d) => d.path)).toEqual(['vrrp[0].auth.passFrom']);
    expect(JSON.stringify(diagnostics)).not.toContain('a b#c');
  });

  it('points at the line of the key file in the stack', async () => {
    const stack = join(keys, 'stack.yaml');
    writeFileSync(
      stack,
      [
        'cluster: m',
        'runtime: heartbeat',
        'nodes:',
        '  sv1: { nics: { eth0: 172.16.0.2/24, eth1: 192.168.0.2/24 } }',
        '  sv2: { nics: { eth0: 172.16.0.3/24, eth1: 192.168.0.3/24 } }',
        'heartbeat: { interconnect: { nic: eth1 } }',
        'auth:',
        '  method: sha1',
        '  keyFrom: { file: multi }',
        '',
      ].join('\n'),
    );
    const [validated] = await validateStacks([stack], { env: {} });
    const found = validated!.diagnostics.filter((d) => d.code === 'auth-secret-invalid');
    expect(found.map(formatDiagnostic)).toEqual([expect.stringContaining(`${stack}:9:20 auth.keyFrom.file:`)]);
  });
});
