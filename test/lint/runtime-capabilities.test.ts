import { describe, expect, it } from 'vitest';
import { agentStack, corosyncStack, drbdStack, heartbeatStack, keepalivedStack, pacemakerStack, pathsOf } from './stacks.js';

describe('keepalived runs only VRRP addresses', () => {
  it('rejects groups (ordered services), service and VIP resources', async () => {
    const stack = keepalivedStack();
    stack.resources = [
      { group: 'web', members: [{ service: 'httpd' }] },
      { vip: '192.168.1.50/24', nic: 'eth0' },
      { service: 'httpd', name: 'httpd2' },
    ];
    expect(await pathsOf(stack, 'runtime-unsupported')).toEqual(['resources[0].group', 'resources[1].vip', 'resources[2].service']);
  });

  it('rejects constraints, DRBD and cluster properties', async () => {
    const stack = keepalivedStack();
    const drbd = drbdStack();
    stack.nodes = { host_m: drbd.nodes.host_m!, host_s: drbd.nodes.host_s! };
    stack.vrrp![0]!.nodes = { host_m: { state: 'MASTER', priority: 150 }, host_s: { state: 'BACKUP', priority: 100 } };
    stack.drbd = drbd.drbd;
    stack.constraints = [{ location: { rsc: 'x', node: 'host_m' } }];
    stack.properties = { 'stonith-enabled': false };
    expect(await pathsOf(stack, 'runtime-unsupported')).toEqual(['constraints[0]', 'drbd[0]', 'properties']);
  });

  it('accepts seed 002', async () => {
    expect(await pathsOf(keepalivedStack(), 'runtime-unsupported')).toEqual([]);
  });
});

describe('heartbeat v1 runs haresources', () => {
  it('rejects constraints', async () => {
    const stack = heartbeatStack();
    stack.constraints = [{ location: { rsc: 'memcached', node: 'sv1' } }];
    expect(await pathsOf(stack, 'heartbeat-v1-constraints')).toEqual(['constraints[0]']);
  });

  it('rejects a master/slave DRBD', async () => {
    const stack = heartbeatStack();
    stack.drbd = [{ name: 'r0', nodes: { sv1: { device: '/dev/drbd0', disk: '/dev/sdb' }, sv2: { device: '/dev/drbd0', disk: '/dev/sdb' } } }];
    stack.resources = [{ drbd: 'r0' }];
    expect(await pathsOf(stack, 'runtime-unsupported')).toEqual(['resources[0].drbd']);
  });

  it('rejects monitors hactl cannot generate as a respawn script, and failure policies haresources lacks', async () => {
    const stack = heartbeatStack();
    stack.resources = [
      {
        group: 'memcached',
        migrationThreshold: 3,
        members: [
          { vip: '172.16.0.1/24', nic: 'eth0', monitor: { interval: '10s' } },
          { service: 'memcached', start: { onFail: 'restart' }, monitor: { kind: 'memcached', onFail: 'restart' } },
          { lsb: 'job', monitor: { kind: 'script', command: '/bin/true' }, failureTimeout: '60s' },
        ],
      },
    ];
    expect(await pathsOf(stack, 'runtime-unsupported')).toEqual([
      'resources[0].migrationThreshold',
      'resources[0].members[0].monitor',
      'resources[0].members[1].start.onFail',
      'resources[0].members[1].monitor.onFail',
      'resources[0].members[2].monitor',
      'resources[0].members[2].failureTimeout',
    ]);
  });

  it('rejects cluster properties', async () => {
    const stack = heartbeatStack();
    stack.properties = { 'no-quorum-policy': 'ignore' };
    expect(await pathsOf(stack, 'runtime-unsupported')).toEqual(['properties']);
  });

  it('accepts seed 000: a group with a memcached monitor that hands over', async () => {
    expect(await pathsOf(heartbeatStack(), 'runtime-unsupported')).toEqual([]);
  });
});

describe('pacemaker and the agent', () => {
  it('rejects VRRP instances outside keepalived', async () => {
    const stack = pacemakerStack();
    stack.vrrp = [{ name: 'VI_1', interface: 'eth1', vrid: 51, nodes: { s1: { state: 'MASTER', priority: 150 } }, vips: ['192.168.1.10'], track: [] }];
    stack.vrrp[0]!.notify = { master: '/bin/true' };
    expect(await pathsOf(stack, 'runtime-unsupported')).toEqual(['vrrp[0]']);
  });

  it('rejects group notify scripts on pacemaker and accepts them under the agent', async () => {
    const pacemaker = pacemakerStack();
    pacemaker.resources = [{ group: 'web', notify: { master: '/usr/local/bin/became-master' }, members: [{ lsb: 'smb' }] }];
    expect(await pathsOf(pacemaker, 'runtime-unsupported')).toEqual(['resources[0].notify']);
    const agent = agentStack();
    agent.resources = [{ group: 'web', notify: { master: '/usr/local/bin/became-master' }, members: [{ lsb: 'smb' }] }];
    expect(await pathsOf(agent, 'runtime-unsupported')).toEqual([]);
  });

  it('rejects exec run (agent supervision) on pacemaker', async () => {
    const stack = corosyncStack();
    stack.resources = [{ exec: { run: 'node server.js' }, name: 'hello' }];
    expect(await pathsOf(stack, 'runtime-unsupported')).toEqual(['resources[0].exec.run']);
  });

  it('rejects roles and promote actions in agent constraints', async () => {
    const stack = agentStack();
    stack.resources!.push({ group: 'db', members: [{ service: 'postgresql' }] });
    stack.constraints = [
      { colocation: { rsc: 'web', with: 'db', withRole: 'master' } },
      { order: { first: 'db', firstAction: 'promote', then: 'web' } },
      { order: { first: 'db', then: 'web' } },
    ];
    expect(await pathsOf(stack, 'runtime-unsupported')).toEqual(['constraints[0].colocation.withRole', 'constraints[1].order.firstAction']);
  });
});

describe('what debian12 packages can run', () => {
  it('rejects pacemaker on heartbeat, ifcheckd and corosync 1.x on debian12', async () => {
    const onHeartbeat = { ...pacemakerStack(), platform: 'debian12' as const };
    onHeartbeat.heartbeat = { ...onHeartbeat.heartbeat!, ifcheckd: true };
    expect(await pathsOf(onHeartbeat, 'runtime-unsupported')).toEqual(['pacemaker.messaging', 'heartbeat.ifcheckd']);
    const oldCorosync = { ...corosyncStack(), platform: 'debian12' as const };
    expect(await pathsOf(oldCorosync, 'runtime-unsupported')).toContain('corosync.version');
  });

  it('rejects corosync 3 encryption over udpu, and accepts it over knet', async () => {
    const stack = { ...corosyncStack(), platform: 'debian12' as const };
    stack.corosync = { ...stack.corosync!, version: 3, transport: 'udpu', secauth: true };
    expect(await pathsOf(stack, 'runtime-unsupported')).toEqual(['corosync.secauth']);
    stack.corosync = { ...stack.corosync, transport: 'knet' };
    expect(await pathsOf(stack, 'runtime-unsupported')).toEqual([]);
  });
});
