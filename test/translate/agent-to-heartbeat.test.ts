import { describe, expect, it } from 'vitest';
import { agentToHeartbeat } from '../../src/translate/agent-to-heartbeat.js';
import { applied, groupAt, itemOf, rules, stack } from './support.js';



describe('agent → heartbeat v1', () => {
  it('blocks the quickstart’s supervised process: heartbeat starts init scripts', async () => {
    const { report } = applied(agentToHeartbeat, await stack('quickstart'));
    expect(report.filter((i) => i.kind === 'blocked').map((i) => `${i.rule} ${i.path}`)).toEqual(['exec-run resources[0].members[1].exec.run']);
  });

  it('runs start/stop/status commands from a rendered init script, and the http check as a respawned script', async () => {
    const input = await stack('quickstart');
    const web = groupAt(input, 0);
    web.members[1] = { exec: { start: 'hello-start', stop: 'hello-stop', status: 'hello-status', ports: [8080] }, name: 'hello', monitor: { kind: 'http', url: 'http://127.0.0.1:8080/', interval: '1s' } };
    const { draft, report } = applied(agentToHeartbeat, input);
    expect(draft.runtime).toBe('heartbeat');
    expect(draft.auth).toEqual({ method: 'sha1', keyFrom: { file: '../.hactl/keys/quickstart.key', generate: true } });
    const members = groupAt(draft, 0).members;
    expect(members[0]!.monitor).toBeUndefined();
    expect(members[1]).toMatchObject({ exec: { initScript: true }, monitor: { kind: 'http', onFail: 'standby' } });
    expect(draft.heartbeat?.respawn).toEqual([{ user: 'hacluster', command: '/usr/libexec/heartbeat/ipfail' }]);
    expect(draft.properties).toBeUndefined();
    expect(rules(report)).toEqual([
      'changed runtime-heartbeat runtime',
      'changed auth-sha1 auth.method',
      'changed vip-monitor-dropped resources[0].members[0].monitor',
      'changed exec-init-script resources[0].members[1].exec',
      'mapped check-to-respawn resources[0].members[1].monitor',
      'changed failure-counting-dropped resources[0]',
      'mapped group-order resources[0]',
      'changed ping-ipfail heartbeat.ping',
      'mapped property-dropped properties.no-quorum-policy',
    ]);
  });

  it('blocks group notify scripts and constraints, which haresources cannot run', async () => {
    const input = await stack('vagrant-keepalived');
    const agent = { ...input, runtime: 'agent' as const, vrrp: undefined, heartbeat: { interconnect: { nic: 'eth1' } }, auth: { method: 'sha256' as const, keyFrom: { env: 'HACTL_AUTHKEY' } } };
    agent.resources = [{ group: 'vip', members: [{ vip: '10.231.7.10/24' }], notify: { master: '/usr/local/bin/became-master' } }];
    const { report } = applied(agentToHeartbeat, { ...agent, constraints: [{ location: { rsc: 'vip', node: 'lb2', score: 10 } }] });
    expect(report.filter((i) => i.kind === 'blocked').map((i) => `${i.rule} ${i.path}`)).toEqual(['notify-v1 resources[0].notify', 'constraints-v1 constraints[0]']);
    expect(itemOf(report, 'auth-sha1').kind).toBe('changed');
  });
});
