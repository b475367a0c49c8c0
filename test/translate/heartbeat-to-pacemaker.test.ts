import { describe, expect, it } from 'vitest';
import { heartbeatToPacemaker } from '../../src/translate/heartbeat-to-pacemaker.js';
import { applied, groupAt, itemOf, rules, onDebian12 } from './support.js';

describe('heartbeat v1 → Pacemaker resources', () => {
  it('keeps seed 000’s haresources order as a group, renamed apart from its memcached member', async () => {
    const { draft, report } = applied(heartbeatToPacemaker, await onDebian12('000-memcached-heartbeat'));
    expect(draft.runtime).toBe('pacemaker');
    expect(draft.pacemaker).toEqual({ messaging: 'heartbeat', syntax: '2' });
    const group = groupAt(draft, 0);
    expect(group).toMatchObject({ group: 'memcached_group', preferred: 'sv1' });
    expect(group.members.map((m) => Object.keys(m)[0])).toEqual(['vip', 'service']);
    expect(itemOf(report, 'group-order').what).toBe('haresources line "sv1 vip_172_16_0_1 memcached" → group memcached_group, location on sv1 score 100');
    expect(itemOf(report, 'group-renamed').path).toBe('resources[0].group');
  });

  it('turns the respawned memcached check into a monitor op that hands over as hb_standby did', async () => {
    const { draft, report } = applied(heartbeatToPacemaker, await onDebian12('000-memcached-heartbeat'));
    expect(groupAt(draft, 0).members[1]!.monitor).toMatchObject({ kind: 'memcached', interval: '40s', onFail: 'standby' });
    expect(itemOf(report, 'respawn-to-monitor-op')).toMatchObject({
      path: 'resources[0].members[1].monitor',
      what: 'respawn ha-chk-memcached.sh (every 40s: memcached answers `stats`, else hb_standby) → op monitor interval=40s on-fail=standby',
    });
    expect(itemOf(report, 'ipaddr2').what).toBe('IPaddr 172.16.0.1/24 → ocf:heartbeat:IPaddr2');
  });

  it('keeps auto_failback off as stickiness above the group’s location score', async () => {
    const { draft, report } = applied(heartbeatToPacemaker, await onDebian12('000-memcached-heartbeat'));
    expect(groupAt(draft, 0).members.map((m) => m.meta)).toEqual([{ 'resource-stickiness': 200 }, { 'resource-stickiness': 200 }]);
    expect(draft.heartbeat?.autoFailback).toBeUndefined();
    expect(itemOf(report, 'stickiness').kind).toBe('changed');
  });

  it('adds no stickiness with auto_failback on', async () => {
    const input = await onDebian12('000-memcached-heartbeat');
    input.heartbeat!.autoFailback = true;
    const { draft, report } = applied(heartbeatToPacemaker, input);
    expect(groupAt(draft, 0).members.map((m) => m.meta)).toEqual([undefined, undefined]);
    expect(itemOf(report, 'stickiness').kind).toBe('mapped');
  });

  it('settles fencing and quorum as heartbeat v1 had them: none', async () => {
    const { draft, report } = applied(heartbeatToPacemaker, await onDebian12('000-memcached-heartbeat'));
    expect(draft.properties).toEqual({ 'stonith-enabled': false, 'no-quorum-policy': 'ignore' });
    expect(rules(report).filter((r) => r.endsWith(' properties'))).toEqual(['changed stonith-disabled properties', 'changed no-quorum-ignore properties']);
  });

  it('places a resource outside any group on the first node, as its haresources line did', async () => {
    const input = await onDebian12('000-memcached-heartbeat');
    input.resources = [{ vip: '172.16.0.1/24', nic: 'eth0' }];
    const { draft } = applied(heartbeatToPacemaker, input);
    expect(draft.constraints).toEqual([{ id: 'loc_vip_172_16_0_1_sv1', location: { rsc: 'vip_172_16_0_1', node: 'sv1', score: 100 } }]);
  });
});
