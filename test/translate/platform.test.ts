import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { platformProfile } from '../../src/platform/profiles.js';
import { platformSummary, retargetPlatform } from '../../src/translate/platform.js';
import type { TranslateContext } from '../../src/translate/translation.js';
import { groupAt, itemOf, rules, stack } from './support.js';

const toDebian: TranslateContext = { platform: 'debian12', profile: platformProfile('debian12'), sourcePlatform: 'centos6' };

function retargeted(input: ClusterInput) {
  const draft = structuredClone(input);
  return { draft, report: retargetPlatform(draft, toDebian) };
}

describe('platform: centos6 → debian12', () => {
  it('moves seed 001’s httpd config, renames Samba’s init scripts to Debian’s units, uses Debian’s Tomcat and drops ifcheckd', async () => {
    const { draft, report } = retargeted(await stack('001-web-pacemaker-heartbeat'));
    expect(draft.platform).toBe('debian12');
    expect(groupAt(draft, 0).members[1]).toMatchObject({ apache: { configfile: '/etc/apache2/apache2.conf' } });
    const samba = groupAt(draft, 1).members.slice(1);
    expect(samba.map((m) => Object.keys(m)[0])).toEqual(['service', 'service']);
    expect(samba).toMatchObject([{ service: 'nmbd', start: { interval: '0s', timeout: '15s', onFail: 'restart' } }, { service: 'smbd' }]);
    expect(groupAt(draft, 2).members[1]).toMatchObject({ tomcat: { catalinaHome: '/usr/share/tomcat10', javaHome: '/usr/lib/jvm/default-java' } });
    expect(draft.heartbeat?.ifcheckd).toBeUndefined();
    expect(draft.vagrant).toEqual({});
    expect(rules(report)).toEqual([
      'changed platform platform',
      'changed apache-config resources[0].members[1].apache.configfile',
      'changed apache-conf-dir resources[0].members[1].apache.proxies',
      'changed lsb-renamed resources[1].members[1]',
      'changed lsb-renamed resources[1].members[2]',
      'changed tomcat-home resources[2].members[1].tomcat.catalinaHome',
      'changed ifcheckd-dropped heartbeat.ifcheckd',
      'changed vagrant-box vagrant.box',
      'changed vagrant-provider vagrant.provider',
    ]);
  });

  it('pins the Pacemaker 1.0 syntax the source got from CentOS 6, so the syntax translation sees it', async () => {
    const { draft } = retargeted({ ...(await stack('004-job-corosync-pacemaker')), pacemaker: { messaging: 'corosync' } });
    expect(draft.pacemaker?.syntax).toBe('1.0');
  });

  it('says that keepalived 2 announces the 21st to 23rd VIP of seed 002', async () => {
    const { report } = retargeted(await stack('002-vrrp-keepalived'));
    expect(itemOf(report, 'vip-limit')).toMatchObject({ kind: 'changed', path: 'vrrp[0].vips[20]', what: expect.stringContaining('VIPs 21-23 of VI_1') });
  });

  it('moves corosync 1.x’s log to Debian’s directory and announces DRBD 9 syntax', async () => {
    const { draft, report } = retargeted(await stack('004-job-corosync-pacemaker'));
    expect(draft.corosync?.logfile).toBe('/var/log/corosync/corosync.log');
    const drbd = retargeted(await stack('003-drbd-heartbeat-crm'));
    expect(rules(drbd.report)).toContain('changed drbd-version drbd[0]');
    expect(rules(report)).toContain('changed corosync-log corosync.logfile');
  });

  it('moves heartbeat helpers named in respawn lines to Debian’s library directory', async () => {
    const input = await stack('000-memcached-heartbeat');
    input.heartbeat!.respawn = [{ user: 'hacluster', command: '/usr/lib64/heartbeat/ipfail' }];
    const { draft, report } = retargeted(input);
    expect(draft.heartbeat?.respawn).toEqual([{ user: 'hacluster', command: '/usr/libexec/heartbeat/ipfail' }]);
    expect(itemOf(report, 'heartbeat-lib-dir').path).toBe('heartbeat.respawn[0].command');
  });

  it('refuses a file under /etc/sysconfig, which Debian does not read', async () => {
    const input = { ...(await stack('000-memcached-heartbeat')), files: [{ path: '/etc/sysconfig/memcached', content: 'PORT=11211\n' }] };
    expect(itemOf(retargeted(input).report, 'file-path')).toMatchObject({ kind: 'blocked', path: 'files[0].path' });
  });

  it('refuses to go back from debian12 to centos6', async () => {
    const draft = await stack('quickstart');
    const report = retargetPlatform(draft, { platform: 'centos6', profile: platformProfile('centos6'), sourcePlatform: 'debian12' });
    expect(rules(report)).toEqual(['blocked platform-downgrade platform']);
  });
});

describe('platform summary', () => {
  it('lists packages and service commands as the target installs and starts them', async () => {
    const before = await stack('000-memcached-heartbeat');
    const { draft } = retargeted(before);
    const report = platformSummary(before, draft);
    expect(itemOf(report, 'packages').what).toBe('packages yum: heartbeat iptables memcached → apt-get: heartbeat resource-agents iptables iptables-persistent memcached');
    expect(itemOf(report, 'service-commands').what).toBe('chkconfig heartbeat on, service heartbeat restart → systemctl enable heartbeat, systemctl restart heartbeat');
    expect(itemOf(report, 'hb-standby-path').what).toContain('/usr/share/heartbeat/hb_standby instead of /usr/lib64/heartbeat/hb_standby');
  });

  it('names corosync alone on 1.x, where Pacemaker runs as its plugin', async () => {
    const before = await stack('004-job-corosync-pacemaker');
    expect(itemOf(platformSummary(before, { ...before, platform: 'debian12', corosync: { ...before.corosync!, version: 3 } }), 'service-commands').what).toBe(
      'chkconfig corosync on, service corosync restart → systemctl enable corosync, systemctl restart corosync, systemctl enable pacemaker, systemctl restart pacemaker',
    );
  });
});
