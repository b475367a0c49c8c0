import { describe, expect, it } from 'vitest';
import { keepalivedToAgent } from '../../src/translate/keepalived-to-agent.js';
import { masterDownMs } from '../../src/translate/vrrp-timing.js';
import { applied, groupAt, itemOf, rules, stack } from './support.js';



describe('keepalived → agent', () => {
  it('turns seed 002’s VI_1 into a group of its 23 addresses, preferred on the MASTER, with its notify scripts', async () => {
    const { draft, report } = applied(keepalivedToAgent, await stack('002-vrrp-keepalived'));
    expect(draft.runtime).toBe('agent');
    expect(draft.vrrp).toBeUndefined();
    expect(draft.keepalived).toBeUndefined();
    const group = groupAt(draft, 0);
    expect(group).toMatchObject({ group: 'VI_1', preferred: 'lb1', notify: { master: '/etc/keepalived/hoge.sh', backup: '/etc/keepalived/hage.sh' } });
    expect(group.members).toHaveLength(23);
    expect(group.members[0]).toEqual({ vip: '192.168.1.10/32', nic: 'eth0' });
    expect(rules(report)).toEqual([
      'changed runtime-agent runtime',
      'changed vrrp-links vrrp',
      'changed vrrp-timings vrrp',
      'mapped preempt vrrp',
      'mapped vrrp-to-group vrrp[0]',
      'mapped vips vrrp[0].vips',
      'changed vrid-dropped vrrp[0].vrid',
      'mapped notify vrrp[0].notify',
      'changed email-dropped keepalived.notificationEmail',
      'changed auth-new-key vrrp[0].auth',
    ]);
  });

  it('times out the master as a VRRP backup does: 3 × advert_int + skew', async () => {
    const { draft, report } = applied(keepalivedToAgent, await stack('002-vrrp-keepalived'));
    expect(masterDownMs(1000, 100)).toBe(3610);
    expect(draft.heartbeat).toEqual({
      interconnect: { nic: 'eth0', mode: 'ucast', port: 694 },
      keepalive: '1s',
      warntime: '2s',
      deadtime: '3610ms',
      initdead: '7220ms',
      autoFailback: true,
    });
    expect(itemOf(report, 'vrrp-timings').what).toContain('→ deadtime 3610ms');
  });

  it('replaces the 8-character PASS password with a new HMAC key', async () => {
    const { draft, report } = applied(keepalivedToAgent, await stack('002-vrrp-keepalived'));
    expect(draft.auth).toEqual({ method: 'sha256', keyFrom: { file: '.hactl/keys/vrrp.key', generate: true } });
    expect(itemOf(report, 'auth-new-key').what).toBe('VRRP PASS password of VI_1 → sha256 with a new key (file .hactl/keys/vrrp.key, generated when missing)');
  });

  it('keeps nopreempt as auto_failback off', async () => {
    const input = await stack('002-vrrp-keepalived');
    input.vrrp![0]!.nopreempt = true;
    expect(applied(keepalivedToAgent, input).draft.heartbeat?.autoFailback).toBe(false);
  });

  it('blocks track scripts and notify_stop, which the agent has no place for', async () => {
    const input = await stack('002-vrrp-keepalived');
    input.keepalived = { ...input.keepalived, scripts: { chk_web: { script: '/usr/local/bin/chk-web' } } };
    input.vrrp![0] = { ...input.vrrp![0]!, track: ['chk_web'], notify: { ...input.vrrp![0]!.notify, stop: '/etc/keepalived/stop.sh' } };
    const blocked = applied(keepalivedToAgent, input).report.filter((i) => i.kind === 'blocked');
    expect(blocked.map((i) => `${i.rule} ${i.path}`)).toEqual(['track-script vrrp[0].track[0]', 'notify-stop vrrp[0].notify.stop']);
  });
});
