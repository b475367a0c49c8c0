import { describe, expect, it } from 'vitest';
import { parseHaCf } from '../../../src/import/parse/ha-cf.js';

describe('parseHaCf', () => {
  it('reads the directives of a hand-written ha.cf with tabs, comments and times in seconds and ms', () => {
    const text = ['# heartbeat config', 'logfile\t/var/log/ha-log', 'keepalive   500ms', 'deadtime 30  # seconds', 'udpport 694', 'ucast eth1 192.168.0.3', 'bcast eth2 eth3', 'mcast eth4 225.0.0.7 694 1 0', 'auto_failback legacy', 'node sv1 sv2', 'respawn hacluster /usr/lib/heartbeat/ipfail', 'apiauth ipfail   gid=haclient uid=hacluster', ''].join('\n');
    const { value, issues } = parseHaCf(text, 'ha.cf');
    expect(issues).toEqual([]);
    expect(value.keepalive?.value).toBe(500);
    expect(value.deadtime).toEqual({ value: 30000, where: { file: 'ha.cf', line: 4, column: 1 } });
    expect(value.media.map((m) => `${m.mode} ${m.nic}`)).toEqual(['ucast eth1', 'bcast eth2', 'bcast eth3', 'mcast eth4']);
    expect(value.nodes.map((n) => n.value)).toEqual(['sv1', 'sv2']);
    expect(value.autoFailback?.value).toBe(true);
    expect(value.respawn[0]!.value).toEqual({ user: 'hacluster', command: '/usr/lib/heartbeat/ipfail' });
    expect(value.apiauth[0]!.value).toBe('ipfail gid=haclient uid=hacluster');
  });

  it('keeps directives the stack has no field for, with why', () => {
    const { value } = parseHaCf('compression bz2\nfrobnicate yes\n', 'ha.cf');
    expect(value.other.map((o) => [o.raw, o.why])).toEqual([
      ['compression bz2', 'the stack has no message compression'],
      ['frobnicate yes', 'not a directive heartbeat 3 knows'],
    ]);
  });

  it('locates a bad time at its argument', () => {
    const { issues } = parseHaCf('keepalive  soon\n', 'ha.cf');
    expect(issues.map((i) => [i.code, i.location])).toEqual([['import-syntax', { file: 'ha.cf', line: 1, column: 12 }]]);
  });

  it('reads crm on and pacemaker on as the Pacemaker switch', () => {
    expect(parseHaCf('crm on\n', 'f').value.crm?.value).toEqual({ directive: 'crm', value: 'on' });
    expect(parseHaCf('pacemaker respawn\n', 'f').value.crm?.value).toEqual({ directive: 'pacemaker', value: 'respawn' });
  });
});
