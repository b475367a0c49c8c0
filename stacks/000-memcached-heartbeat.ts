// The TypeScript twin of 000-memcached-heartbeat.yaml: both must produce the same model.
import { defineCluster, group, node, service, ucast, vip } from 'hactl';

// both nodes have the same two networks: only the last octet differs
const sv = (last: number) => node({ eth0: `172.16.0.${last}/24`, eth1: `192.168.0.${last}/24` });

export default defineCluster({
  cluster: 'memcached',
  description: 'heartbeat v1 (haresources) with a memcached monitor that calls hb_standby',
  runtime: 'heartbeat',
  platform: 'centos6',
  nodes: { sv1: sv(2), sv2: sv(3) },
  heartbeat: {
    interconnect: ucast('eth1', { port: 694 }),
    logfile: '/var/log/ha-log',
    keepalive: '2s',
    warntime: '10s',
    deadtime: '30s',
    initdead: '120s',
    autoFailback: false,
    watchdog: '/dev/watchdog',
    ping: ['172.16.0.254'],
    apiauth: ['ipfail gid=haclient uid=hacluster'],
  },
  auth: { method: 'crc' },
  resources: [
    group(
      'memcached',
      [
        vip('172.16.0.1/24', 'eth0'),
        service('memcached', {
          ops: { monitor: { kind: 'memcached', port: 11211, interval: '40s', pidfile: '/var/run/memcached/memcached.pid', onFail: 'standby' } },
        }),
      ],
      { preferred: 'sv1' },
    ),
  ],
});
