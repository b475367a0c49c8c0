// The TypeScript twin of 003-drbd-heartbeat-crm.yaml: both must produce the same model. The builders read like the
// crm commands of the seed (`location`, `order`, `colocation`), and the names they use are checked when the stack
// compiles: nodes and NICs against `nodes`, `ms-drbd0` and `fs0` against the resources' names.
import { bcast, colocation, defineCluster, drbd, drbdResource, filesystem, location, node, order } from 'hactl';

const disk = { device: '/dev/drbd0', disk: '/dev/hda2', metaDisk: 'internal' } as const;

export default defineCluster({
  cluster: 'drbd',
  description: 'DRBD drbd0 mirrored over eth2, promoted on host_m, /drbd mounted where it is master',
  runtime: 'pacemaker',
  platform: 'centos6',
  nodes: {
    host_m: node({ eth0: '192.168.1.1/24', eth2: '192.168.0.1/24' }),
    host_s: node({ eth0: '192.168.1.2/24', eth2: '192.168.0.2/24' }),
  },
  pacemaker: { messaging: 'heartbeat', syntax: '1.0', haCf: 'crm on', format: 'both' },
  heartbeat: {
    interconnect: bcast('eth2', { port: 694 }),
    logfile: '/var/log/ha-log',
    logfacility: 'local0',
    keepalive: '3s',
    deadtime: '30s',
    deadping: '40s',
    warntime: '10s',
    initdead: '60s',
    autoFailback: false,
    ping: ['192.168.1.254'],
    pingd: { multiplier: 100, dampen: '5s', attribute: 'default_ping_set' },
  },
  auth: { method: 'sha1', keyFrom: { env: 'HACTL_AUTHKEY' } },
  drbd: [
    drbdResource('drbd0', {
      protocol: 'C',
      syncerRate: '200M',
      onIoError: 'pass_on',
      port: 7789,
      nodes: { host_m: { ...disk, address: '192.168.0.1' }, host_s: { ...disk, address: '192.168.0.2' } },
    }),
  ],
  properties: { 'no-quorum-policy': 'ignore', 'stonith-enabled': false },
  resources: [
    drbd('drbd0', { name: 'drbd0', master: { name: 'ms-drbd0' } }),
    filesystem({ device: '/dev/drbd0', directory: '/drbd', fstype: 'ext3' }, { name: 'fs0' }),
  ],
  constraints: [
    location('ms-drbd0', 'host_m', 100, { role: 'master', id: 'rsc_location_group_1' }),
    order('ms-drbd0', 'fs0', { firstAction: 'promote', thenAction: 'start', id: 'drbd0_before_fs0' }),
    colocation('fs0', 'ms-drbd0', 'INFINITY', { withRole: 'master', id: 'fs0_on_drbd0' }),
  ],
  firewall: { implied: true },
});
