import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { corosync1To3 } from '../../src/translate/corosync1-to-3.js';
import { applied, itemOf, rules, stack } from './support.js';



describe('corosync 1.x → 3', () => {
  it('turns seed 004’s udpu ring on eth0 into knet on eth0, without ttl and without crypto as before', async () => {
    const { draft, report } = applied(corosync1To3, await stack('004-job-corosync-pacemaker'));
    expect(draft.corosync).toEqual({
      version: 3,
      transport: 'knet',
      interconnect: 'eth0',
      mcastport: 5405,
      secauth: false,
      logfile: '/var/log/cluster/corosync.log',
      debug: false,
      toSyslog: true,
      timestamp: true,
    });
    expect(rules(report)).toEqual([
      'changed corosync-3 corosync.version',
      'changed udpu-to-knet corosync.transport',
      'changed ttl-dropped corosync.ttl',
      'changed token-default corosync',
      'mapped knet-no-crypto corosync.secauth',
      'changed two-node nodes',
    ]);
    expect(itemOf(report, 'udpu-to-knet').what).toBe('udpu → knet (link 0 on eth0, udp 5405)');
  });

  it('keeps secauth as knet crypto keyed from auth.keyFrom', async () => {
    const input: ClusterInput = { ...(await stack('004-job-corosync-pacemaker')), auth: { method: 'sha1', keyFrom: { env: 'HACTL_AUTHKEY' } } };
    input.corosync = { ...input.corosync!, secauth: true };
    const { draft, report } = applied(corosync1To3, input);
    expect(draft.corosync?.secauth).toBe(true);
    expect(draft.auth).toEqual({ method: 'sha256', keyFrom: { env: 'HACTL_AUTHKEY' } });
    expect(itemOf(report, 'knet-crypto').what).toContain('keyed from env HACTL_AUTHKEY');
  });

  it('blocks secauth without a key to derive the authkey from', async () => {
    const input = await stack('004-job-corosync-pacemaker');
    input.corosync = { ...input.corosync!, secauth: true };
    expect(itemOf(applied(corosync1To3, input).report, 'secauth-key')).toMatchObject({ kind: 'blocked', path: 'corosync.secauth' });
  });

  it('keeps a token the stack sets', async () => {
    const input = await stack('004-job-corosync-pacemaker');
    input.corosync = { ...input.corosync!, token: '1s' };
    const { draft, report } = applied(corosync1To3, input);
    expect(draft.corosync?.token).toBe('1s');
    expect(itemOf(report, 'token').kind).toBe('mapped');
  });
});
