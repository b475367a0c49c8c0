import { describe, expect, it } from 'vitest';
import {
  accept,
  apache,
  bcast,
  colocation,
  defineCluster,
  drbd,
  drbdResource,
  drop,
  exec,
  file,
  filesystem,
  group,
  location,
  lsb,
  mcast,
  nic,
  node,
  ocf,
  order,
  primitive,
  reject,
  resource,
  service,
  systemd,
  tomcat,
  ucast,
  user,
  vip,
  vrrp,
} from '../../src/dsl/index.js';
import { loadStackData } from '../../src/load/load-stack.js';

const monitor = { interval: '10s', timeout: '60s', onFail: 'restart' } as const;

describe('the DSL builders return the plain model a YAML stack spells out', () => {
  it('builds nodes and NICs', () => {
    expect(node({ eth0: '10.0.0.1/24', eth1: nic('10.0.1.1/24', { role: 'interconnect' }) }, { ssh: { host: 'a' } })).toStrictEqual({
      nics: { eth0: '10.0.0.1/24', eth1: { address: '10.0.1.1/24', role: 'interconnect' } },
      ssh: { host: 'a' },
    });
  });

  it('builds heartbeat links as ha.cf names them', () => {
    expect(ucast('eth1', { port: 694, ucastTargets: 'all' })).toStrictEqual({ nic: 'eth1', mode: 'ucast', port: 694, ucastTargets: 'all' });
    expect(bcast('eth2')).toStrictEqual({ nic: 'eth2', mode: 'bcast' });
    expect(mcast('eth1', '239.0.0.43', { ttl: 1 })).toStrictEqual({ nic: 'eth1', mode: 'mcast', group: '239.0.0.43', ttl: 1 });
  });

  it('builds every resource kind, spreading ops into start/monitor/stop', () => {
    expect(vip('10.0.0.100/24', 'eth0', { name: 'v', ops: { monitor: { interval: '1s' } } })).toStrictEqual({
      vip: '10.0.0.100/24',
      nic: 'eth0',
      name: 'v',
      monitor: { interval: '1s' },
    });
    expect(vip('10.0.0.100/24')).toStrictEqual({ vip: '10.0.0.100/24' });
    expect(service('memcached', { ops: { monitor: { kind: 'memcached', port: 11211 } } })).toStrictEqual({
      service: 'memcached',
      monitor: { kind: 'memcached', port: 11211 },
    });
    expect(lsb('smb', { ops: { start: { timeout: '15s' }, monitor, stop: { onFail: 'block' } } })).toStrictEqual({
      lsb: 'smb',
      start: { timeout: '15s' },
      monitor,
      stop: { onFail: 'block' },
    });
    expect(systemd('nginx', { meta: { 'target-role': 'Started' } })).toStrictEqual({ systemd: 'nginx', meta: { 'target-role': 'Started' } });
    expect(ocf('heartbeat:Dummy', { params: { state: '/run/d' } })).toStrictEqual({ ocf: 'heartbeat:Dummy', params: { state: '/run/d' } });
    const conf = { configfile: '/etc/httpd/conf/httpd.conf', statusurl: 'http://10.0.0.1/' } as const;
    expect(apache(conf, { name: 'httpd' })).toStrictEqual({ apache: conf, name: 'httpd' });
    const cat = { javaHome: '/usr', catalinaHome: '/opt/tomcat', user: 'tomcat', statusurl: 'http://10.0.0.1:8080/' } as const;
    expect(tomcat(cat)).toStrictEqual({ tomcat: cat });
    expect(exec({ run: 'sleep 1000' }, { name: 'sleeper' })).toStrictEqual({ exec: { run: 'sleep 1000' }, name: 'sleeper' });
    expect(drbd('r0', { master: { name: 'ms-r0', preferred: 'a' }, ops: { promote: { timeout: '90s' } } })).toStrictEqual({
      drbd: 'r0',
      master: { name: 'ms-r0', preferred: 'a' },
      promote: { timeout: '90s' },
    });
    const mount = { device: '/dev/drbd0', directory: '/data', fstype: 'ext4' } as const;
    expect(filesystem(mount, { name: 'fs' })).toStrictEqual({ filesystem: mount, name: 'fs' });
  });

  it('builds primitives crm-style, by CLASS:[PROVIDER:]TYPE', () => {
    expect(primitive('d', 'ocf:heartbeat:Dummy', { params: { fake: 1 } })).toStrictEqual({ ocf: 'heartbeat:Dummy', name: 'd', params: { fake: 1 } });
    expect(primitive('nmb', 'lsb:nmb', { ops: { monitor } })).toStrictEqual({ lsb: 'nmb', name: 'nmb', monitor });
    expect(primitive('web', 'systemd:nginx.service')).toStrictEqual({ systemd: 'nginx.service', name: 'web' });
    expect(primitive('mc', 'service:memcached')).toStrictEqual({ service: 'memcached', name: 'mc' });
  });

  it('builds the same primitives under the name resource()', () => {
    expect(resource('d', 'ocf:heartbeat:Dummy', { params: { fake: 1 }, ops: { monitor } })).toStrictEqual({
      ocf: 'heartbeat:Dummy',
      name: 'd',
      params: { fake: 1 },
      monitor,
    });
    expect(resource('nmb', 'lsb:nmb')).toStrictEqual(primitive('nmb', 'lsb:nmb'));
    expect(resource('web', 'systemd:nginx.service')).toStrictEqual({ systemd: 'nginx.service', name: 'web' });
  });

  it('builds groups with their members and options', () => {
    expect(group('web', [vip('10.0.0.100/24', 'eth0'), service('httpd')], { preferred: 'a', migrationThreshold: 3 })).toStrictEqual({
      group: 'web',
      members: [{ vip: '10.0.0.100/24', nic: 'eth0' }, { service: 'httpd' }],
      preferred: 'a',
      migrationThreshold: 3,
    });
  });

  it('builds constraints as crm reads them', () => {
    expect(location('ms', 'a', 100, { role: 'master', id: 'l1' })).toStrictEqual({ location: { rsc: 'ms', node: 'a', score: 100, role: 'master' }, id: 'l1' });
    expect(location('g', 'b')).toStrictEqual({ location: { rsc: 'g', node: 'b' } });
    expect(colocation('fs', 'ms', 'INFINITY', { withRole: 'master' })).toStrictEqual({ colocation: { rsc: 'fs', with: 'ms', score: 'INFINITY', withRole: 'master' } });
    expect(order('ms', 'fs', { firstAction: 'promote', id: 'o1' })).toStrictEqual({ order: { first: 'ms', then: 'fs', firstAction: 'promote' }, id: 'o1' });
  });

  it('builds VRRP instances, DRBD resources, firewall rules, users and files', () => {
    expect(vrrp('VI_1', { interface: 'eth0', vrid: 51, nodes: { a: { state: 'MASTER', priority: 150 } }, vips: ['10.0.0.10'] })).toStrictEqual({
      name: 'VI_1',
      interface: 'eth0',
      vrid: 51,
      nodes: { a: { state: 'MASTER', priority: 150 } },
      vips: ['10.0.0.10'],
    });
    const host = { device: '/dev/drbd0', disk: '/dev/sdb1' } as const;
    expect(drbdResource('r0', { nodes: { a: host, b: host } })).toStrictEqual({ name: 'r0', nodes: { a: host, b: host } });
    expect(accept('tcp', 22, { source: '10.0.0.0/8' })).toStrictEqual({ proto: 'tcp', dport: 22, source: '10.0.0.0/8', action: 'ACCEPT' });
    expect(drop('tcp', 22)).toStrictEqual({ proto: 'tcp', dport: 22, action: 'DROP' });
    expect(reject('icmp')).toStrictEqual({ proto: 'icmp', action: 'REJECT' });
    expect(user('tomcat', { uid: 700 })).toStrictEqual({ name: 'tomcat', uid: 700 });
    expect(file('/etc/x.sh', 'echo\n', { mode: '0755', nodes: ['a'] })).toStrictEqual({ path: '/etc/x.sh', content: 'echo\n', mode: '0755', nodes: ['a'] });
  });

  it('gives a stack built from builders the model of the same stack written as plain objects', async () => {
    const built = defineCluster({
      cluster: 'c',
      runtime: 'pacemaker',
      nodes: { a: node({ eth0: '10.0.0.1/24' }), b: node({ eth0: '10.0.0.2/24' }) },
      pacemaker: { messaging: 'corosync' },
      corosync: { version: 3 },
      resources: [group('g', [vip('10.0.0.100/24', 'eth0'), lsb('x', { ops: { monitor } })], { preferred: 'a' })],
      constraints: [location('g', 'b', -100)],
      firewall: { rules: [accept('tcp', 80)] },
    });
    const plain = {
      cluster: 'c',
      runtime: 'pacemaker',
      nodes: { a: { nics: { eth0: '10.0.0.1/24' } }, b: { nics: { eth0: '10.0.0.2/24' } } },
      pacemaker: { messaging: 'corosync' },
      corosync: { version: 3 },
      resources: [{ group: 'g', preferred: 'a', members: [{ vip: '10.0.0.100/24', nic: 'eth0' }, { lsb: 'x', monitor }] }],
      constraints: [{ location: { rsc: 'g', node: 'b', score: -100 } }],
      firewall: { rules: [{ proto: 'tcp', dport: 80, action: 'ACCEPT' }] },
    };
    expect(built).toStrictEqual(plain);
    const [fromBuilt, fromPlain] = await Promise.all([loadStackData('built.ts', built), loadStackData('plain.yaml', plain)]);
    expect(fromBuilt.diagnostics).toEqual([]);
    expect(fromBuilt.model).toEqual(fromPlain.model);
  });
});
