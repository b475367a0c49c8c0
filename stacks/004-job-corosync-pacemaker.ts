// The TypeScript twin of 004-job-corosync-pacemaker.yaml: both must produce the same model.
import { defineCluster, exec, node } from 'hactl';

// the seed's job called an outside URL; the lab has no outside network, so the job records a timestamp instead
const stamp = (word: string) => `date '+%Y-%m-%dT%H:%M:%S ${word}'`;

export default defineCluster({
  cluster: 'job',
  description: 'lsb:hoge whose status runs the job every 10 s on the active node only',
  runtime: 'pacemaker',
  platform: 'centos6',
  nodes: { node1: node({ eth0: '10.0.0.1/24' }), node2: node({ eth0: '10.0.0.2/24' }) },
  pacemaker: { messaging: 'corosync', syntax: '1.0' },
  corosync: {
    version: 1,
    transport: 'udpu',
    interconnect: 'eth0',
    mcastport: 5405,
    ttl: 1,
    secauth: false,
    logfile: '/var/log/cluster/corosync.log',
    debug: false,
    toSyslog: true,
    timestamp: true,
  },
  properties: { 'expected-quorum-votes': 2, 'no-quorum-policy': 'ignore', 'stonith-enabled': false, 'crmd-transition-delay': '0s' },
  resources: [
    exec(
      { start: `${stamp('start')} > /tmp/test`, stop: 'rm -f /tmp/test', status: `test -f /tmp/test && ${stamp('run')} >> /tmp/test`, initScript: true },
      {
        name: 'hoge',
        ops: {
          start: { interval: '0s', timeout: '300s', onFail: 'restart' },
          monitor: { interval: '10s', timeout: '60s', onFail: 'restart' },
          stop: { interval: '0s', timeout: '300s', onFail: 'block' },
        },
      },
    ),
  ],
  firewall: { implied: true },
});
