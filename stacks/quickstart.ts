// The TypeScript twin of quickstart.yaml: both must produce the same model.
import { defineCluster, group, vip } from '../src/model/define.js';

const helloServer = `node -e "require('http').createServer((q,s)=>s.end(require('os').hostname()+'\\n')).listen(8080)"`;

export default defineCluster({
  cluster: 'quickstart',
  description: 'the bundled agent moves a VIP and a hello service between qs1 and qs2',
  runtime: 'agent',
  platform: 'debian12',
  nodes: {
    qs1: { nics: { eth0: '10.201.0.11/24', eth1: '10.201.1.11/24' } },
    qs2: { nics: { eth0: '10.201.0.12/24', eth1: '10.201.1.12/24' } },
  },
  heartbeat: {
    interconnect: [
      { nic: 'eth1', mode: 'ucast', port: 694 },
      { nic: 'eth0', mode: 'ucast', port: 694 },
    ],
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
        vip('10.201.0.100/24', 'eth0', { monitor: { interval: '1s' } }),
        {
          exec: { run: helloServer, ports: [8080] },
          name: 'hello',
          monitor: { kind: 'http', url: 'http://127.0.0.1:8080/', interval: '1s', timeout: '500ms' },
        },
      ],
      { preferred: 'qs1', migrationThreshold: 3 },
    ),
  ],
});
