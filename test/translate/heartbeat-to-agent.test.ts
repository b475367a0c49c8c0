import { describe, expect, it } from 'vitest';
import { heartbeatToAgent } from '../../src/translate/heartbeat-to-agent.js';
import { applied, groupAt, itemOf, onDebian, rules, onDebian12 } from './support.js';

describe('heartbeat v1 → agent', () => {
  it('keeps seed 000’s links, timings and group, and drops what the agent has no use for', async () => {
    const { draft, report } = applied(heartbeatToAgent, await onDebian12('000-memcached-heartbeat'));
    expect(draft.runtime).toBe('agent');
    expect(draft.heartbeat).toEqual({
      interconnect: { nic: 'eth1', mode: 'ucast', port: 694 },
      keepalive: '2s',
      warntime: '10s',
      deadtime: '30s',
      initdead: '120s',
      autoFailback: false,
      ping: ['172.16.0.254'],
    });
    expect(groupAt(draft, 0).members[1]!.monitor).toEqual({ kind: 'memcached', port: 11211, interval: '40s', pidfile: '/var/run/memcached/memcached.pid', onFail: 'standby' });
    expect(rules(report)).toEqual([
      'changed runtime-agent runtime',
      'mapped agent-links heartbeat.interconnect',
      'changed auth-new-key auth',
      'changed ping-weighs heartbeat.ping',
      'mapped respawn-to-agent-check resources[0].members[1].monitor',
      'changed pidfile-unused resources[0].members[1].monitor.pidfile',
      'changed watchdog-dropped heartbeat.watchdog',
      'changed apiauth-dropped heartbeat.apiauth',
      'changed logfile-dropped heartbeat.logfile',
    ]);
  });

  it('gives crc’s cluster a new key (a generated file, or the caller’s) since the agent needs one', async () => {
    const { draft, report } = applied(heartbeatToAgent, await onDebian12('000-memcached-heartbeat'));
    expect(draft.auth).toEqual({ method: 'sha256', keyFrom: { file: '.hactl/keys/memcached.key', generate: true } });
    expect(itemOf(report, 'auth-new-key').what).toBe('crc → sha256 with a new key (file .hactl/keys/memcached.key, generated when missing)');
    expect(applied(heartbeatToAgent, await onDebian12('000-memcached-heartbeat'), { ...onDebian, keyFrom: { env: 'MEMCACHED_KEY' } }).draft.auth).toEqual({ method: 'sha256', keyFrom: { env: 'MEMCACHED_KEY' } });
  });

  it('moves a sha1 key to sha256, keeping the key', async () => {
    const { draft, report } = applied(heartbeatToAgent, { ...(await onDebian12('000-memcached-heartbeat')), auth: { method: 'sha1', keyFrom: { env: 'HACTL_AUTHKEY' } } });
    expect(draft.auth).toEqual({ method: 'sha256', keyFrom: { env: 'HACTL_AUTHKEY' } });
    expect(itemOf(report, 'auth-sha256')).toMatchObject({ kind: 'changed', path: 'auth.method', what: 'sha1 → sha256, same key (env HACTL_AUTHKEY)' });
  });

  it('blocks respawned programs: the agent respawns nothing', async () => {
    const input = await onDebian12('000-memcached-heartbeat');
    input.heartbeat!.respawn = [{ user: 'hacluster', command: '/usr/libexec/heartbeat/ipfail' }];
    expect(itemOf(applied(heartbeatToAgent, input).report, 'respawn')).toMatchObject({ kind: 'blocked', path: 'heartbeat.respawn[0]' });
  });
});
