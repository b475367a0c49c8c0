import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAgentConfig } from '../../../src/agent/config/index.js';
import { Agent } from '../../../src/agent/core/agent.js';
import { silentLogger } from '../../../src/agent/log/logger.js';
import { parseListen } from '../../../src/observe/metrics/listen.js';
import { startAgentMetrics } from '../../../src/observe/metrics/agent-endpoint.js';
import { FakeResources, until } from '../../agent/fake-driver.js';
import { KEY } from '../../agent/helpers.js';
import { missing } from '../../support/env.js';
import { freePort } from '../../support/free-port.js';
import { promtoolProblems, samples, value } from './exposition.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});


/**
 * Two real agents heartbeating on loopback (resources faked, no root), one serving /metrics. Each agent speaks for
 * its own members' states (Prometheus scrapes every node), and for membership and placement as it sees them.
 */
async function pairWithMetrics(served: 'sv1' | 'sv2') {
  const dir = await mkdtemp(join(tmpdir(), 'hactl-metrics-'));
  const base = 20 + Math.floor(Math.random() * 200);
  const config = parseAgentConfig({
    cluster: 'inproc',
    nodes: ['sv1', 'sv2'].map((name, i) => ({ name, addresses: { lo: `127.0.${base}.${i + 1}` } })),
    links: [{ name: 'lo', mode: 'ucast', port: await freePort() }],
    auth: { method: 'sha256', key: KEY },
    timings: { keepaliveMs: 20, warntimeMs: 40, deadtimeMs: 60, initdeadMs: 400 },
    runDir: `${dir}/{node}`,
    groups: [{ name: 'web', preferred: 'sv1', members: [{ id: 'svc', class: 'exec', start: 'true', ops: { monitor: { intervalMs: 20 } } }] }],
  });
  const agents = new Map<string, Agent>();
  for (const name of ['sv1', 'sv2']) {
    const agent = new Agent({ config, node: name, log: silentLogger(), driverFor: new FakeResources().driverFor });
    agents.set(name, agent);
    await agent.start();
  }
  const endpoint = await startAgentMetrics(agents.get(served)!, String(await freePort()));
  cleanups.push(async () => {
    await endpoint.close();
    for (const a of agents.values()) await a.abort();
    await rm(dir, { recursive: true, force: true });
  });
  const scrape = async () => {
    const res = await fetch(`http://${endpoint.address}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  return { agents, endpoint, scrape };
}

describe("the agent's metrics endpoint", () => {
  it('listens on 127.0.0.1 when given only a port, and elsewhere only when given an address', () => {
    expect(parseListen('9464')).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(parseListen('0.0.0.0:9464')).toEqual({ host: '0.0.0.0', port: 9464 });
    expect(parseListen('[::1]:9464')).toEqual({ host: '::1', port: 9464 });
    expect(() => parseListen('example.org:9464')).toThrow(expect.objectContaining({ code: 'observe-bad-listen' }));
    expect(() => parseListen('70000')).toThrow(expect.objectContaining({ code: 'observe-bad-listen' }));
  });

  it('serves where the group runs, its members, node and link states and its own process figures', async () => {
    const { agents, endpoint, scrape } = await pairWithMetrics('sv1');
    expect(endpoint.address).toMatch(/^127\.0\.0\.1:\d+$/);
    await until(() => agents.get('sv1')!.status().groups[0]!.runningOn.length === 1 && agents.get('sv2')!.status().nodes.every((n) => n.status === 'up'));
    const all = samples(await scrape());
    expect(value(all, 'hactl_cluster_info', { cluster: 'inproc', runtime: 'agent' })).toBe(1);
    expect(value(all, 'hactl_group_active', { group: 'web', node: 'sv1' })).toBe(1);
    expect(value(all, 'hactl_group_active', { group: 'web', node: 'sv2' })).toBe(0);
    expect(value(all, 'hactl_node_state', { node: 'sv1', state: 'online' })).toBe(1);
    expect(value(all, 'hactl_link_up', { node: 'sv1', peer: 'sv2', link: 'lo' })).toBe(1);
    expect(value(all, 'hactl_resource_state', { group: 'web', resource: 'svc', node: 'sv1', state: 'started' })).toBe(1);
    expect(value(all, 'hactl_heartbeat_gap_max_seconds', { peer: 'sv2' })).toBeGreaterThan(0);
    expect(value(all, 'hactl_heartbeat_late_total', { peer: 'sv2' })).toBeGreaterThanOrEqual(0);
    expect(value(all, 'hactl_agent_event_loop_delay_max_seconds')).toBeGreaterThan(0);
    expect(value(all, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(value(all, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(value(all, 'hactl_group_failovers_total', { group: 'web' })).toBe(0);
  });

  it('counts the failover after the active agent dies, with its timestamp, and shows the dead node offline', async () => {
    const { agents, scrape } = await pairWithMetrics('sv2');
    await until(() => agents.get('sv2')!.status().groups[0]!.runningOn.includes('sv1'));
    const before = Date.now() / 1000;
    await agents.get('sv1')!.abort();
    await until(() => agents.get('sv2')!.isActive('web'), 2000);
    await new Promise((r) => setTimeout(r, 50));
    const all = samples(await scrape());
    expect(value(all, 'hactl_group_active', { group: 'web', node: 'sv2' })).toBe(1);
    expect(value(all, 'hactl_node_state', { node: 'sv1', state: 'offline' })).toBe(1);
    expect(value(all, 'hactl_link_up', { node: 'sv2', peer: 'sv1', link: 'lo' })).toBe(0);
    expect(value(all, 'hactl_group_failovers_total', { group: 'web' })).toBe(1);
    expect(value(all, 'hactl_group_transitions_total', { group: 'web' })).toBeGreaterThanOrEqual(1);
    expect(value(all, 'hactl_group_last_failover_timestamp_seconds', { group: 'web' })).toBeGreaterThanOrEqual(Math.floor(before));
    expect(value(all, 'hactl_heartbeat_silence_seconds', { peer: 'sv1' })).toBeGreaterThan(0.05);
    expect(value(all, 'hactl_resource_state', { group: 'web', resource: 'svc', node: 'sv2', state: 'started' })).toBe(1);
  });

  const noPromtool = missing({ tools: ['promtool'] });
  it.skipIf(noPromtool)('passes promtool check metrics', async () => {
    const { agents, scrape } = await pairWithMetrics('sv1');
    await until(() => agents.get('sv1')!.status().groups[0]!.runningOn.length === 1);
    expect(promtoolProblems(await scrape())).toBe('');
  });
});
