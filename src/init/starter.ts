import type { Cluster, ExecResource } from '../dsl/types.js';
import type { RuntimeName } from '../model/model.js';

/**
 * The starter cluster of each runtime: two nodes that come up on the local lab as they are (agent, keepalived), or
 * that validate and show the shape of the runtime's sections (heartbeat, pacemaker). Each runtime has its own subnets
 * so a starter's lab does not overlap the quickstart's (10.201.x) nor another seed's.
 */
export function starterCluster(name: string, runtime: RuntimeName): Cluster {
  const base = { cluster: name, description: `a two-node ${runtime} cluster written by hactl init`, runtime, platform: 'debian12' } as const;
  const key = { file: `.hactl/keys/${name}.key`, generate: true };
  const hello: ExecResource = {
    exec: { run: `node -e "require('http').createServer((q,s)=>s.end(require('os').hostname()+'\\n')).listen(8080)"`, ports: [8080] },
    name: 'hello',
    monitor: { kind: 'http', url: 'http://127.0.0.1:8080/', interval: '1s', timeout: '500ms' },
  };
  switch (runtime) {
    case 'agent':
      return {
        ...base,
        nodes: twoNodes('10.241'),
        heartbeat: {
          interconnect: [
            { nic: 'eth1', mode: 'ucast', port: 694 },
            { nic: 'eth0', mode: 'ucast', port: 694 },
          ],
          keepalive: '100ms',
          warntime: '300ms',
          deadtime: '500ms',
          initdead: '2s',
          ping: ['10.241.0.1'],
        },
        auth: { method: 'sha256', keyFrom: key },
        properties: { 'no-quorum-policy': 'ignore' },
        resources: [{ group: 'web', preferred: 'node1', members: [{ vip: '10.241.0.100/24', nic: 'eth0', monitor: { interval: '1s' } }, hello] }],
      };
    case 'keepalived':
      return {
        ...base,
        nodes: twoNodes('10.242'),
        vrrp: [
          {
            name: 'VI_1',
            interface: 'eth0',
            vrid: 51,
            advertInt: '1s',
            nodes: { node1: { state: 'MASTER', priority: 150 }, node2: { state: 'BACKUP', priority: 100 } },
            vips: ['10.242.0.100/24'],
          },
        ],
      };
    case 'heartbeat':
      return {
        ...base,
        nodes: twoNodes('10.243'),
        heartbeat: { interconnect: [{ nic: 'eth1', mode: 'ucast' }, { nic: 'eth0', mode: 'ucast' }], keepalive: '2s', deadtime: '30s', initdead: '120s' },
        auth: { method: 'sha1', keyFrom: key },
        resources: [{ group: 'web', preferred: 'node1', members: [{ vip: '10.243.0.100/24', nic: 'eth0' }, { service: 'nginx' }] }],
      };
    case 'pacemaker':
      return {
        ...base,
        nodes: twoNodes('10.244'),
        pacemaker: { messaging: 'corosync', syntax: '2' },
        corosync: { version: 3, interconnect: 'eth1' },
        auth: { method: 'sha1', keyFrom: key },
        properties: { 'stonith-enabled': false, 'no-quorum-policy': 'ignore' },
        resources: [
          {
            group: 'web',
            preferred: 'node1',
            members: [
              { vip: '10.244.0.100/24', nic: 'eth0', monitor: { interval: '10s' } },
              { systemd: 'nginx', monitor: { interval: '10s', timeout: '20s' } },
            ],
          },
        ],
      };
  }
}

/** node1 and node2: eth0 for the service (and the VIP), eth1 for heartbeats. */
function twoNodes(prefix: `${number}.${number}`): Cluster['nodes'] {
  const node = (last: number) => ({ nics: { eth0: `${prefix}.0.${last}/24` as const, eth1: `${prefix}.1.${last}/24` as const } });
  return { node1: node(11), node2: node(12) };
}
