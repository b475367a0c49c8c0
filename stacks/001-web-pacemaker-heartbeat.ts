// The TypeScript twin of 001-web-pacemaker-heartbeat.yaml: both must produce the same model. The two VMs differ in
// one octet and their SSH forward, and the three groups share one shape (a VIP with a 10 s monitor, then a service
// whose ops differ in timeouts): functions say so once where YAML repeats it.
import { apache, defineCluster, group, lsb, node, tomcat, ucast, user, vip, type Duration, type Ops } from 'hactl';

const vm = (last: number, sshPort: number) =>
  node({ eth1: `192.168.1.${last}/24`, eth2: `192.168.9.${last}/24` }, { forwardedPorts: [{ id: 'ssh', guest: 22, host: sshPort }] });

/** The seed's op lines: start and stop with on-fail, a monitor every `interval`. */
const ops = (start: Duration, interval: Duration, monitorTimeout: Duration, stop: Duration): Ops => ({
  start: { interval: '0s', timeout: start, onFail: 'restart' },
  monitor: { interval, timeout: monitorTimeout, onFail: 'restart' },
  stop: { interval: '0s', timeout: stop, onFail: 'block' },
});

/** Each group starts with its own VIP on eth1, named after the service behind it. */
const serviceVip = (last: number, name: string) => vip(`192.168.1.${last}/24`, 'eth1', { name: `vip_${name}`, ops: { monitor: { interval: '10s' } } });

export default defineCluster({
  cluster: 'web',
  description: 'pacemaker on heartbeat, Apache/Samba/Tomcat groups, Vagrant lab',
  runtime: 'pacemaker',
  platform: 'centos6',
  nodes: { s1: vm(121, 2122), s2: vm(122, 2222) },
  pacemaker: { messaging: 'heartbeat', syntax: '1.0', haCf: 'pacemaker on' },
  heartbeat: {
    // the seed writes the same ha.cf on both nodes: ucast to both addresses, heartbeat skips its own
    interconnect: ucast('eth2', { port: 694, ucastTargets: 'all' }),
    debug: 0,
    keepalive: '2s',
    warntime: '7s',
    deadtime: '10s',
    initdead: '20s',
    logfacility: 'local1',
    ping: ['192.168.1.1'],
    watchdog: '/dev/watchdog',
    ifcheckd: true,
  },
  auth: { method: 'sha1', keyFrom: { env: 'HACTL_AUTHKEY' } },
  properties: { 'stonith-enabled': false, 'no-quorum-policy': 'ignore' },
  resources: [
    group('web', [
      serviceVip(101, 'httpd'),
      apache(
        {
          configfile: '/etc/httpd/conf/httpd.conf',
          statusurl: 'http://192.168.1.101/',
          indexHtml: true,
          proxies: [{ location: '/app/', pass: 'ajp://192.168.1.102:8009/' }],
        },
        { name: 'httpd', ops: { ...ops('90s', '10s', '60s', '300s'), monitor: { interval: '10s', timeout: '60s', onFail: 'restart', kind: 'http', url: 'http://192.168.1.101/' } } },
      ),
    ]),
    group('samba', [serviceVip(100, 'samba'), ...['nmb', 'smb'].map((script) => lsb(script, { ops: ops('15s', '15s', '15s', '15s') }))]),
    group('webapp', [
      serviceVip(102, 'tomcat'),
      tomcat(
        { javaHome: '/usr', catalinaHome: '/usr/local/tomcat', user: 'tomcat', statusurl: 'http://192.168.1.102:8080/', initScript: true },
        { ops: ops('90s', '10s', '60s', '300s') },
      ),
    ]),
  ],
  users: [user('tomcat', { uid: 700, shell: '/sbin/nologin' })],
  firewall: { implied: true },
  hosts: { network: 'service' },
  vagrant: { box: 'centos65_64', provider: 'virtualbox' },
});
