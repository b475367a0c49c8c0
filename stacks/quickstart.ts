// The TypeScript twin of quickstart.yaml: both must produce the same model.
import { defineCluster, exec, group, node, ucast, vip } from 'hactl';

const helloServer = `node -e "require('http').createServer((q,s)=>s.end(require('os').hostname()+'\\n')).listen(8080)"`;
// qs1 is .11 and qs2 .12 on both networks
const qs = (last: number) => node({ eth0: `10.201.0.${last}/24`, eth1: `10.201.1.${last}/24` });

export default defineCluster({
  cluster: 'quickstart',
  description: 'the bundled agent moves a VIP and a hello service between qs1 and qs2',
  runtime: 'agent',
  platform: 'debian12',
  nodes: { qs1: qs(11), qs2: qs(12) },
  heartbeat: {
    interconnect: [ucast('eth1', { port: 694 }), ucast('eth0', { port: 694 })],
    keepalive: '100ms',
    warntime: '300ms',
    deadtime: '500ms',
    initdead: '2s',
    autoFailback: false,
    ping: ['10.201.0.1'],
  },
  auth: { method: 'sha256', keyFrom: { file: '../.hactl/keys/quickstart.key', generate: true } },
  properties: { 'no-quorum-policy': 'ignore' },
  resources: [
    group(
      'web',
      [
        vip('10.201.0.100/24', 'eth0', { ops: { monitor: { interval: '1s' } } }),
        exec(
          { run: helloServer, ports: [8080] },
          { name: 'hello', ops: { monitor: { kind: 'http', url: 'http://127.0.0.1:8080/', interval: '1s', timeout: '500ms' } } },
        ),
      ],
      { preferred: 'qs1', migrationThreshold: 3 },
    ),
  ],
});
