import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { agentStack, corosyncStack, heartbeatStack, lint, pacemakerStack, pathsOf, severityOf } from './stacks.js';

const keys = mkdtempSync(join(tmpdir(), 'hactl-lint-keys-'));
afterAll(() => rmSync(keys, { recursive: true, force: true }));
writeFileSync(join(keys, 'authkey'), 'from-a-file\n', { mode: 0o600 });
writeFileSync(join(keys, 'empty'), '', { mode: 0o600 });

const withAuth = (stack: ClusterInput, auth: ClusterInput['auth']): ClusterInput => ({ ...stack, auth });

describe('auth presence', () => {
  it('rejects heartbeat without auth', async () => {
    expect(await pathsOf(withAuth(heartbeatStack(), undefined), 'auth-missing')).toEqual(['auth']);
  });

  it('rejects pacemaker on heartbeat and the agent without auth', async () => {
    expect(await pathsOf(withAuth(pacemakerStack(), undefined), 'auth-missing')).toEqual(['auth']);
    expect(await pathsOf(withAuth(agentStack(), undefined), 'auth-missing')).toEqual(['auth']);
  });

  it('accepts pacemaker on corosync without heartbeat authkeys', async () => {
    expect(await pathsOf(corosyncStack(), 'auth-missing')).toEqual([]);
  });
});

describe('auth method', () => {
  it('warns that crc authenticates nothing (seed 000)', async () => {
    const stack = withAuth(heartbeatStack(), { method: 'crc' });
    expect(await pathsOf(stack, 'auth-crc')).toEqual(['auth.method']);
    expect(await severityOf(stack, 'auth-crc')).toEqual(['warning']);
    expect((await lint(stack)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('rejects crc for the agent runtime, whose packets it would leave unauthenticated', async () => {
    const stack = withAuth(agentStack(), { method: 'crc' });
    expect(await pathsOf(stack, 'auth-crc')).toEqual(['auth.method']);
    expect(await severityOf(stack, 'auth-crc')).toEqual(['error']);
  });

  it('rejects sha256 outside the agent runtime', async () => {
    expect(await pathsOf(withAuth(heartbeatStack(), { method: 'sha256', keyFrom: { env: 'HACTL_AUTHKEY' } }), 'auth-method-runtime')).toEqual(['auth.method']);
  });

  it('accepts sha256 for pacemaker on corosync, whose knet crypto hashes with sha256 whatever the method', async () => {
    expect(await pathsOf(withAuth(corosyncStack(), { method: 'sha256', keyFrom: { env: 'HACTL_AUTHKEY' } }), 'auth-method-runtime')).toEqual([]);
    expect(await pathsOf(withAuth(pacemakerStack(), { method: 'sha256', keyFrom: { env: 'HACTL_AUTHKEY' } }), 'auth-method-runtime')).toEqual(['auth.method']);
  });

  it('accepts sha256 for the agent and sha1 for heartbeat', async () => {
    expect(await pathsOf(agentStack(), 'auth-method-runtime')).toEqual([]);
    expect(await pathsOf(heartbeatStack(), 'auth-method-runtime')).toEqual([]);
  });
});

describe('auth key', () => {
  it('rejects sha1 without a key source', async () => {
    expect(await pathsOf(withAuth(heartbeatStack(), { method: 'sha1' }), 'auth-secret-missing')).toEqual(['auth']);
  });

  it('rejects a key from an environment variable that is not set', async () => {
    expect(await pathsOf(heartbeatStack(), 'auth-secret-missing', { env: {} })).toEqual(['auth.keyFrom']);
  });

  it('never puts the key into a message', async () => {
    const stack = withAuth(heartbeatStack(), { method: 'sha256', keyFrom: { value: 'TOP-SECRET-123' } });
    const diagnostics = await lint(stack);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(JSON.stringify(diagnostics)).not.toContain('TOP-SECRET-123');
  });

  it('accepts a key file that exists, relative to the stack directory', async () => {
    expect(await pathsOf(withAuth(heartbeatStack(), { method: 'sha1', keyFrom: { file: 'authkey' } }), 'auth-secret-missing', { baseDir: keys })).toEqual([]);
  });

  it('rejects a key file that is missing or empty', async () => {
    expect(await pathsOf(withAuth(heartbeatStack(), { method: 'sha1', keyFrom: { file: 'nope' } }), 'auth-secret-missing', { baseDir: keys })).toEqual(['auth.keyFrom']);
    expect(await pathsOf(withAuth(heartbeatStack(), { method: 'sha1', keyFrom: { file: 'empty' } }), 'auth-secret-missing', { baseDir: keys })).toEqual(['auth.keyFrom']);
  });

  it('accepts a missing key file marked generate: true', async () => {
    const stack = withAuth(heartbeatStack(), { method: 'sha1', keyFrom: { file: 'later.key', generate: true } });
    expect(await pathsOf(stack, 'auth-secret-missing', { baseDir: keys })).toEqual([]);
  });

  it('warns about a key written inline', async () => {
    const stack = withAuth(heartbeatStack(), { method: 'sha1', keyFrom: { value: 'inline-key' } });
    expect(await pathsOf(stack, 'auth-inline-secret')).toEqual(['auth.keyFrom.value']);
    expect(await severityOf(stack, 'auth-inline-secret')).toEqual(['warning']);
  });

  it('skips resolving keys when asked to (validation without render-time secrets)', async () => {
    expect(await pathsOf(heartbeatStack(), 'auth-secret-missing', { env: {}, resolveSecrets: false })).toEqual([]);
  });
});
