import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentConfigError, loadAgentConfig, parseAgentConfig, resolvePaths } from '../../../src/agent/config/index.js';
import { twoNodeDoc } from '../helpers.js';

function issuesOf(doc: unknown): Array<{ path: string; message: string }> {
  try {
    parseAgentConfig(doc);
  } catch (err) {
    expect(err).toBeInstanceOf(AgentConfigError);
    return (err as AgentConfigError).issues;
  }
  throw new Error('expected the document to be rejected');
}

describe('agent config', () => {
  it('fills in every default of a minimal document', () => {
    const c = parseAgentConfig(twoNodeDoc());
    expect(c.version).toBe(1);
    expect(c.links[0]).toMatchObject({ port: 694, ttl: 1, peers: [] });
    expect(c.timings).toEqual({ keepaliveMs: 1000, warntimeMs: 2000, deadtimeMs: 3000, initdeadMs: 6000 });
    expect(c.autoFailback).toBe(false);
    expect(c.quorum).toEqual({ policy: 'stop', expectedVotes: 2, twoNode: true });
    expect(c.ping).toMatchObject({ targets: [], minReachable: 0 });
    expect(c.groups[0]).toMatchObject({ preferredScore: 100, migrationThreshold: 3, failureTimeoutMs: 0, location: {} });
    expect(c.groups[0]!.members[0]).toMatchObject({
      arpCount: 1,
      ops: { start: { timeoutMs: 20000, onFail: 'restart' }, stop: { onFail: 'block' }, monitor: { intervalMs: 10000, onFail: 'restart' } },
    });
    expect(c.control.socket).toBe('{runDir}/control.sock');
    expect(c.log.level).toBe('info');
  });

  it('derives warntime and initdead from the timings given', () => {
    const c = parseAgentConfig(twoNodeDoc({ timings: { keepaliveMs: 10, deadtimeMs: 30 } }));
    expect(c.timings).toEqual({ keepaliveMs: 10, warntimeMs: 20, deadtimeMs: 30, initdeadMs: 60 });
  });

  it('makes ping nodes count once targets are listed', () => {
    const c = parseAgentConfig(twoNodeDoc({ ping: { targets: ['172.16.0.254'] } }));
    expect(c.ping).toEqual({ targets: ['172.16.0.254'], weight: 100, minReachable: 1, intervalMs: 1000, deadMs: 3000 });
  });

  it('reports every problem with its JSON path in one error', () => {
    const doc = twoNodeDoc({ links: [{ name: 'ic', mode: 'carrier-pigeon', port: 70000 }], autoFailback: 'yes', colour: 'blue' });
    const issues = issuesOf(doc);
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('links[0].mode');
    expect(paths).toContain('links[0].port');
    expect(paths).toContain('autoFailback');
    expect(paths).toContain('colour');
  });

  it('names the resource field that is wrong', () => {
    const doc = twoNodeDoc();
    (doc.groups as Array<{ members: Array<Record<string, unknown>> }>)[0]!.members[0]!.ip = '172.16.0.300';
    expect(issuesOf(doc)).toContainEqual({ path: 'groups[0].members[0].ip', message: 'must be an IP address, got "172.16.0.300"' });
  });

  it('rejects impossible timings', () => {
    const issues = issuesOf(twoNodeDoc({ timings: { keepaliveMs: 1000, warntimeMs: 5000, deadtimeMs: 3000, initdeadMs: 1000 } }));
    expect(issues.map((i) => i.path)).toEqual(['timings.warntimeMs', 'timings.initdeadMs']);
  });

  it('needs a key unless the method is crc', () => {
    expect(issuesOf(twoNodeDoc({ auth: { method: 'sha1' } }))).toContainEqual({ path: 'auth.key', message: 'is required' });
    expect(parseAgentConfig(twoNodeDoc({ auth: { method: 'crc' } })).auth).toEqual({ method: 'crc', key: '' });
  });

  it('needs peer addresses for ucast and a group for mcast', () => {
    const nodes = [{ name: 'a', addresses: {} }, { name: 'b', addresses: {} }];
    const issues = issuesOf(twoNodeDoc({ nodes, links: [{ name: 'ic', mode: 'ucast', iface: 'eth1' }, { name: 'm', mode: 'mcast', iface: 'eth2' }], groups: [] }));
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['links[0].peers', 'links[1].group']));
  });

  it('refuses dangling references and colocation cycles', () => {
    const groups = [
      { name: 'a', preferred: 'nowhere', members: [{ id: 'ra', class: 'tcp', port: 1 }] },
      { name: 'b', members: [{ id: 'rb', class: 'tcp', port: 1 }] },
    ];
    const colocations = [{ group: 'a', with: 'b' }, { group: 'b', with: 'a' }];
    const orders = [{ first: 'a', then: 'zzz' }];
    const issues = issuesOf(twoNodeDoc({ groups, colocations, orders }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'groups[0].preferred', message: 'no node named "nowhere"' },
        { path: 'orders[0].then', message: 'no group named "zzz"' },
        { path: 'colocations', message: 'colocation cycle: a -> b -> a' },
      ]),
    );
  });

  it('refuses duplicate names across groups and resources', () => {
    const groups = [{ name: 'web', members: [{ id: 'web', class: 'tcp', port: 80 }] }];
    expect(issuesOf(twoNodeDoc({ groups }))).toContainEqual({ path: 'groups', message: 'resource/group id "web" is used twice' });
  });

  it('accepts scores as numbers or INFINITY strings', () => {
    const groups = [{ name: 'g', location: { sv1: 'INFINITY', sv2: '-INFINITY' }, members: [{ id: 'r', class: 'tcp', port: 1 }] }];
    expect(parseAgentConfig(twoNodeDoc({ groups })).groups[0]!.location).toEqual({ sv1: 'INFINITY', sv2: '-INFINITY' });
    const bad = [{ name: 'g', location: { sv1: 'lots' }, members: [{ id: 'r', class: 'tcp', port: 1 }] }];
    expect(issuesOf(twoNodeDoc({ groups: bad }))[0]!.path).toBe('groups[0].location.sv1');
  });

  it('fills {cluster} and {node} into paths', () => {
    const c = parseAgentConfig(twoNodeDoc({ stateDir: '/var/lib/hactl/{cluster}/{node}' }));
    expect(resolvePaths(c, 'sv2')).toEqual({ runDir: '/run/hactl/test-sv2', socket: '/run/hactl/test-sv2/control.sock', stateDir: '/var/lib/hactl/test/sv2' });
  });

  it('refuses a key file readable by others and never prints the key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hactl-agent-config-'));
    try {
      const path = join(dir, 'agent.json');
      await writeFile(path, JSON.stringify(twoNodeDoc()));
      await chmod(path, 0o644);
      const err = await loadAgentConfig(path).catch((e: unknown) => e as AgentConfigError);
      expect(err).toBeInstanceOf(AgentConfigError);
      expect((err as Error).message).toMatch(/chmod 600/);
      expect((err as Error).message).not.toContain('test-key');
      await chmod(path, 0o600);
      expect((await loadAgentConfig(path)).cluster).toBe('test');
      await writeFile(path, '{ not json');
      await expect(loadAgentConfig(path)).rejects.toThrow(/not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
