import { describe, expect, it } from 'vitest';
import { blockedDiagnostics, formatTranslation, migrate, retarget } from '../../src/translate/index.js';
import { chainFor } from '../../src/translate/registry.js';
import { rules, stack } from './support.js';

describe('chains', () => {
  it('reaches Pacemaker 2 on corosync 3 from heartbeat v1 through Pacemaker on heartbeat, then fixes the syntax up', () => {
    expect(chainFor('heartbeat', 'pacemaker-corosync3')?.map((t) => t.id)).toEqual(['heartbeat-to-pacemaker', 'pacemaker-heartbeat-to-corosync', 'pacemaker-syntax']);
    expect(chainFor('pacemaker-corosync1', 'pacemaker-corosync3')?.map((t) => t.id)).toEqual(['corosync1-to-3', 'pacemaker-syntax']);
  });

  it('goes from heartbeat to keepalived through the agent, but never through heartbeat or keepalived on the way', () => {
    expect(chainFor('heartbeat', 'keepalived')?.map((t) => t.id)).toEqual(['heartbeat-to-agent', 'agent-to-keepalived']);
    expect(chainFor('keepalived', 'heartbeat')?.map((t) => t.id)).toEqual(['keepalived-to-agent', 'agent-to-heartbeat']);
    expect(chainFor('agent', 'pacemaker-corosync3')).toBeUndefined();
    expect(chainFor('pacemaker-heartbeat', 'keepalived')).toBeUndefined();
  });
});

describe('retarget', () => {
  it('changes nothing and reports nothing for a stack already on its platform and runtime', async () => {
    const input = await stack('quickstart');
    expect(retarget(input, { platform: 'debian12' })).toEqual({ ok: true, input, report: [] });
  });

  it('leaves its argument alone', async () => {
    const input = await stack('001-web-pacemaker-heartbeat');
    const before = structuredClone(input);
    retarget(input, { platform: 'debian12' });
    expect(input).toEqual(before);
  });

  it('translates pacemaker on heartbeat even on its own platform when that platform cannot run it', async () => {
    const input = { ...(await stack('003-drbd-heartbeat-crm')), platform: 'debian12' as const, pacemaker: { messaging: 'heartbeat' as const, syntax: '2' as const } };
    const result = retarget(input, { platform: 'debian12' });
    expect(result.input?.pacemaker?.messaging).toBe('corosync');
    expect(rules(result.report)).not.toContain('changed syntax-2 pacemaker.syntax');
  });

  it('fails with no stack, only the report, when anything is blocked', async () => {
    const input = await stack('quickstart');
    const result = retarget(input, { platform: 'centos6' });
    expect(result).toEqual({ ok: false, report: [expect.objectContaining({ kind: 'blocked', rule: 'platform-downgrade' })] });
  });

  it('writes its keys in the schema’s order', async () => {
    const result = migrate(await stack('002-vrrp-keepalived'), { runtime: 'agent', platform: 'debian12' });
    expect(Object.keys(result.input!)).toEqual(['$schema', 'cluster', 'description', 'runtime', 'platform', 'nodes', 'heartbeat', 'auth', 'resources', 'firewall', 'files'].filter((k) => k in result.input!));
  });
});

describe('migrate', () => {
  it('says why seed 003 cannot go to keepalived: its DRBD, filesystem and constraints', async () => {
    const result = migrate(await stack('003-drbd-heartbeat-crm'), { runtime: 'keepalived', platform: 'debian12' });
    expect(result.ok).toBe(false);
    expect(result.input).toBeUndefined();
    const blocked = result.report.filter((i) => i.kind === 'blocked');
    expect(blocked.map((i) => `${i.rule} ${i.path}`)).toEqual([
      'no-translation runtime',
      'target-capability resources[0].drbd',
      'target-capability resources[1].filesystem',
      'target-capability constraints[0]',
      'target-capability constraints[1]',
      'target-capability constraints[2]',
      'target-capability drbd[0]',
      'target-capability properties',
    ]);
    expect(blocked.find((i) => i.path === 'drbd[0]')?.what).toBe("DRBD resource 'drbd0' (promote/demote): runtime keepalived cannot express this");
  });

  it('refuses Pacemaker 2 on a platform that only has Pacemaker 1.0', async () => {
    const result = migrate(await stack('000-memcached-heartbeat'), { runtime: 'pacemaker' });
    expect(rules(result.report)).toEqual(['blocked pacemaker-platform platform']);
  });

  it('keeps the changes made before a step blocked, for the reader', async () => {
    const result = migrate(await stack('000-memcached-heartbeat'), { runtime: 'keepalived', platform: 'debian12' });
    expect(rules(result.report)).toContain('changed runtime-agent runtime');
    expect(rules(result.report)).toContain('blocked vrrp-no-services resources[0].members[1]');
  });
});

describe('report', () => {
  it('prints one line per item and turns blocked items into located diagnostics', async () => {
    const result = migrate(await stack('quickstart'), { runtime: 'keepalived' });
    const blocked = result.report.find((i) => i.kind === 'blocked')!;
    expect(formatTranslation(blocked)).toMatch(/^blocked resources\[0\]\.members\[1\]: exec hello in group web \(VRRP cannot order services in a group: .*\)$/);
    expect(blockedDiagnostics(result.report)).toEqual([expect.objectContaining({ code: 'translate-blocked', severity: 'error', path: 'resources[0].members[1]' })]);
  });
});
