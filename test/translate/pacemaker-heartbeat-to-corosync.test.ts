import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { pacemakerHeartbeatToCorosync } from '../../src/translate/pacemaker-heartbeat-to-corosync.js';
import { applied, itemOf, rules, stack } from './support.js';



describe('Pacemaker on heartbeat → Pacemaker 2 on corosync 3', () => {
  it('turns seed 001’s ucast link on eth2 into knet link 0 on eth2, with deadtime as the token', async () => {
    const { draft, report } = applied(pacemakerHeartbeatToCorosync, await stack('001-web-pacemaker-heartbeat'));
    expect(draft.heartbeat).toBeUndefined();
    expect(draft.pacemaker).toEqual({ messaging: 'corosync', syntax: '1.0' });
    expect(draft.corosync).toEqual({ version: 3, transport: 'knet', interconnect: 'eth2', secauth: true, token: '10s' });
    expect(draft.properties).toEqual({ 'stonith-enabled': false, 'no-quorum-policy': 'ignore', 'dc-deadtime': '20s' });
    expect(itemOf(report, 'knet-link').what).toBe('ucast on eth2 (udp 694) → knet link 0 on eth2 (udp 5405)');
    expect(itemOf(report, 'token-from-deadtime').what).toBe('deadtime 10 s → totem.token 10000 ms');
    expect(itemOf(report, 'keepalive-from-token').what).toBe('keepalive 2 s → knet pings every token / 4 (2.5 s)');
  });

  it('keeps seed 001’s sha1 key for knet crypto and reports the hash as sha256', async () => {
    const { draft, report } = applied(pacemakerHeartbeatToCorosync, await stack('001-web-pacemaker-heartbeat'));
    expect(draft.auth).toEqual({ method: 'sha256', keyFrom: { env: 'HACTL_AUTHKEY' } });
    expect(itemOf(report, 'knet-crypto')).toMatchObject({ kind: 'changed', path: 'auth', what: expect.stringContaining('authkeys sha1 → knet crypto (crypto_hash sha256, crypto_cipher aes256)') });
  });

  it('runs without crypto where heartbeat had crc, and says so', async () => {
    const input: ClusterInput = { ...(await stack('001-web-pacemaker-heartbeat')), auth: { method: 'crc' } };
    const { draft, report } = applied(pacemakerHeartbeatToCorosync, input);
    expect(draft.auth).toBeUndefined();
    expect(draft.corosync?.secauth).toBe(false);
    expect(itemOf(report, 'knet-no-crypto').kind).toBe('changed');
  });

  it('reports each ha.cf line corosync has no field for: seed 003’s bcast, pingd, deadping, auto_failback, logs', async () => {
    const { draft, report } = applied(pacemakerHeartbeatToCorosync, await stack('003-drbd-heartbeat-crm'));
    expect(draft.corosync?.interconnect).toBe('eth2');
    expect(rules(report)).toEqual([
      'changed corosync-layer pacemaker.messaging',
      'changed knet-link heartbeat.interconnect',
      'changed token-from-deadtime heartbeat.deadtime',
      'changed keepalive-from-token heartbeat.keepalive',
      'changed warntime-dropped heartbeat.warntime',
      'changed dc-deadtime-from-initdead heartbeat.initdead',
      'changed deadping-dropped heartbeat.deadping',
      'changed ping-dropped heartbeat.pingd',
      'changed auto-failback-dropped heartbeat.autoFailback',
      'changed log-files heartbeat.logfile',
      'changed log-facility heartbeat.logfacility',
      'changed knet-crypto auth',
      'changed two-node nodes',
    ]);
    expect(itemOf(report, 'knet-link').what).toBe('bcast on eth2 (udp 694) → knet link 0 on eth2 (udp 5405)');
    expect(itemOf(report, 'ping-dropped').why).toContain('no constraint of the stack reads the attribute');
  });

  it('keeps a dc-deadtime the stack sets itself', async () => {
    const input = await stack('003-drbd-heartbeat-crm');
    input.properties = { ...input.properties, 'dc-deadtime': '45s' };
    const { draft, report } = applied(pacemakerHeartbeatToCorosync, input);
    expect(draft.properties?.['dc-deadtime']).toBe('45s');
    expect(itemOf(report, 'dc-deadtime-from-initdead').what).toContain('dc-deadtime kept');
  });

  it('blocks a second heartbeat link, which one corosync interconnect cannot carry', async () => {
    const input = await stack('001-web-pacemaker-heartbeat');
    input.heartbeat!.interconnect = [{ nic: 'eth2', mode: 'ucast' }, { nic: 'eth1', mode: 'ucast' }];
    expect(itemOf(applied(pacemakerHeartbeatToCorosync, input).report, 'knet-one-link')).toMatchObject({ kind: 'blocked', path: 'heartbeat.interconnect[1]' });
  });

  it('blocks respawned programs: corosync respawns nothing', async () => {
    const input = await stack('001-web-pacemaker-heartbeat');
    input.heartbeat!.respawn = [{ user: 'hacluster', command: '/usr/libexec/heartbeat/ipfail' }];
    expect(itemOf(applied(pacemakerHeartbeatToCorosync, input).report, 'respawn')).toMatchObject({ kind: 'blocked', path: 'heartbeat.respawn[0]' });
  });
});
