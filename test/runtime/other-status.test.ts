import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStack } from '../../src/load/load-stack.js';
import { heartbeatGroups, parseNodeRead as parseHeartbeat } from '../../src/runtime/heartbeat/read-node.js';
import { parseNodeRead as parseKeepalived } from '../../src/runtime/keepalived/read-node.js';
import { mergeViews } from '../../src/runtime/merge-views.js';

const fixture = (...p: string[]) => readFileSync(join(import.meta.dirname, 'fixtures', ...p), 'utf8');
const model = async (stack: string) => (await loadStack(join(import.meta.dirname, '..', '..', 'stacks', stack))).model!;

describe("heartbeat's cl_status and the resources' own status as the status model", () => {
  it('places the group on the node holding its VIP and running its service, with links to peers only', async () => {
    const m = await model('000-memcached-heartbeat.yaml');
    const groups = heartbeatGroups(m);
    const views = ['sv1', 'sv2'].map((n) => parseHeartbeat(fixture('heartbeat', `${n}.txt`), n, m, groups));
    const status = mergeViews(views, ['sv1', 'sv2']);
    expect(status.groups).toEqual([expect.objectContaining({ name: 'memcached', runningOn: ['sv1'] })]);
    expect(status.nodes.map((n) => [n.name, n.state])).toEqual([['sv1', 'online'], ['sv2', 'online']]);
    expect(status.links).toEqual([
      { node: 'sv1', peer: 'sv2', link: 'eth1', status: 'up' },
      { node: 'sv2', peer: 'sv1', link: 'eth1', status: 'up' },
    ]);
    expect(status.warnings).toEqual([]);
  });

  it('reads "not running" as stopped even though the word running is in it', async () => {
    const m = await model('000-memcached-heartbeat.yaml');
    const view = parseHeartbeat(fixture('heartbeat', 'sv2.txt'), 'sv2', m, heartbeatGroups(m));
    expect(view.groups[0]!.resources.map((r) => r.role)).toEqual(['stopped', 'stopped']);
  });

  it('calls a node whose heartbeat does not run offline in its own view', async () => {
    const m = await model('000-memcached-heartbeat.yaml');
    const view = parseHeartbeat('hbstatus stopped\naddr eth0 172.16.0.3\n', 'sv2', m, heartbeatGroups(m));
    expect(view.nodes.find((n) => n.name === 'sv2')).toMatchObject({ state: 'offline', detail: 'heartbeat is not running' });
  });
});

describe("keepalived's JSON state dump as the status model", () => {
  const read = (node: string, json: string, addresses: string[]) => `--json\n${json}\n--addr\n${addresses.join('\n')}\n`;

  it('places the VRRP instance on the MASTER that holds the VIPs, without inventing partitions', async () => {
    const m = await model('002-vrrp-keepalived.yaml');
    const views = [
      parseKeepalived(read('lb1', fixture('keepalived', 'ka-lb1.json'), ['192.168.1.11', '192.168.1.10']), 'lb1', m),
      parseKeepalived(read('lb2', fixture('keepalived', 'ka-lb2.json'), ['192.168.1.12']), 'lb2', m),
    ];
    const status = mergeViews(views, ['lb1', 'lb2']);
    expect(status.partitions).toEqual([['lb1', 'lb2']]);
    expect(status.groups).toEqual([expect.objectContaining({ name: 'VI_1', kind: 'vrrp', runningOn: ['lb1'] })]);
    expect(status.groups[0]!.resources.map((r) => r.agent)).toEqual(['vrrp (MASTER)', 'vrrp (BACKUP)']);
    expect(status.warnings).toEqual([]);
  });

  it('names two MASTERs holding the VIPs as the instance active on two nodes', async () => {
    const m = await model('002-vrrp-keepalived.yaml');
    const master = fixture('keepalived', 'ka-lb1.json');
    const views = ['lb1', 'lb2'].map((n, i) => parseKeepalived(read(n, master, [`192.168.1.1${1 + i}`, '192.168.1.10']), n, m));
    expect(mergeViews(views, ['lb1', 'lb2']).warnings).toEqual(['VI_1 is active on 2 nodes (lb1, lb2)']);
  });

  it('shows a node whose keepalived is stopped as offline', async () => {
    const m = await model('002-vrrp-keepalived.yaml');
    const view = parseKeepalived('--stopped\n--addr\n192.168.1.12\n', 'lb2', m);
    expect(view.nodes).toEqual([expect.objectContaining({ name: 'lb2', state: 'offline' })]);
    expect(view.groups[0]!.runningOn).toEqual([]);
  });
});
