import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { ClusterMetrics } from '../../../src/observe/metrics/cluster-metrics.js';
import type { DrbdState } from '../../../src/runtime/status.js';
import { StatusTracker } from '../../../src/observe/timeline/track.js';
import { missing } from '../../support/env.js';
import { statusOf } from '../status-fixtures.js';
import { promtoolProblems, samples, value } from './exposition.js';

const syncing: DrbdState[] = [
  { resource: 'drbd0', node: 'qs1', up: true, role: 'Primary', disk: 'UpToDate', peers: [{ peer: 'qs2', connection: 'Connected', role: 'Secondary', replication: 'SyncSource', disk: 'Inconsistent', done: 42.5 }] },
  { resource: 'drbd0', node: 'qs2', up: true, role: 'Secondary', disk: 'Inconsistent', peers: [{ peer: 'qs1', connection: 'Connected', role: 'Primary', replication: 'SyncTarget', disk: 'UpToDate', done: 42.5 }] },
];

async function scrape(metrics: ClusterMetrics): Promise<string> {
  return metrics.registry.metrics();
}

describe('the shared cluster metrics', () => {
  it('show where the group runs, node and link states, quorum and the cluster info', async () => {
    const tracker = new StatusTracker();
    const metrics = new ClusterMetrics(new Registry());
    const status = statusOf(['qs1']);
    tracker.observe(status, 1000);
    metrics.update(status, tracker.counters());
    const all = samples(await scrape(metrics));
    expect(value(all, 'hactl_status_up')).toBe(1);
    expect(value(all, 'hactl_cluster_info', { cluster: 'quickstart', runtime: 'agent' })).toBe(1);
    expect(value(all, 'hactl_group_active', { group: 'web', node: 'qs1' })).toBe(1);
    expect(value(all, 'hactl_group_active', { group: 'web', node: 'qs2' })).toBe(0);
    expect(value(all, 'hactl_group_active_nodes', { group: 'web' })).toBe(1);
    expect(value(all, 'hactl_node_state', { node: 'qs2', state: 'online' })).toBe(1);
    expect(value(all, 'hactl_node_state', { node: 'qs2', state: 'offline' })).toBe(0);
    expect(value(all, 'hactl_link_up', { node: 'qs2', peer: 'qs1', link: 'eth1' })).toBe(1);
    expect(value(all, 'hactl_resource_state', { group: 'web', resource: 'hello', node: 'qs1', state: 'started' })).toBe(1);
    expect(value(all, 'hactl_quorate')).toBe(1);
    expect(value(all, 'hactl_group_transitions_total', { group: 'web' })).toBe(0);
    expect(value(all, 'hactl_group_failovers_total', { group: 'web' })).toBe(0);
  });

  it('count transitions and a failover, with its timestamp and duration, after qs1 dies and qs2 takes over', async () => {
    const tracker = new StatusTracker();
    const metrics = new ClusterMetrics(new Registry());
    for (const [status, at] of [[statusOf(['qs1']), 1_000_000], [statusOf([], { qs1: 'offline' }), 1_000_500], [statusOf(['qs2'], { qs1: 'offline' }), 1_001_250]] as const) {
      tracker.observe(status, at);
      metrics.update(status, tracker.counters());
    }
    const all = samples(await scrape(metrics));
    expect(value(all, 'hactl_group_transitions_total', { group: 'web' })).toBe(2);
    expect(value(all, 'hactl_group_failovers_total', { group: 'web' })).toBe(1);
    expect(value(all, 'hactl_group_last_failover_timestamp_seconds', { group: 'web' })).toBe(1001.25);
    expect(value(all, 'hactl_group_last_transition_timestamp_seconds', { group: 'web' })).toBe(1001.25);
    expect(value(all, 'hactl_group_last_failover_duration_seconds', { group: 'web' })).toBe(0.75);
    expect(value(all, 'hactl_group_active', { group: 'web', node: 'qs2' })).toBe(1);
    expect(value(all, 'hactl_node_state', { node: 'qs1', state: 'offline' })).toBe(1);
    expect(value(all, 'hactl_link_up', { node: 'qs2', peer: 'qs1', link: 'eth1' })).toBe(0);
    // the resource series of qs1 are gone, not left at their last value
    expect(value(all, 'hactl_resource_state', { resource: 'hello', node: 'qs1', state: 'started' })).toBeUndefined();
  });

  it('keep the counters and drop the states when the status cannot be read', async () => {
    const tracker = new StatusTracker();
    const metrics = new ClusterMetrics(new Registry());
    tracker.observe(statusOf(['qs1']), 1000);
    tracker.observe(statusOf(['qs2']), 2000);
    metrics.update(undefined, tracker.counters());
    const all = samples(await scrape(metrics));
    expect(value(all, 'hactl_status_up')).toBe(0);
    expect(value(all, 'hactl_group_failovers_total', { group: 'web' })).toBe(1);
    expect(value(all, 'hactl_group_active', { group: 'web', node: 'qs2' })).toBeUndefined();
  });

  it('show a fail count of INFINITY as +Inf, a split brain as two active nodes and warnings', async () => {
    const metrics = new ClusterMetrics(new Registry());
    metrics.update(statusOf(['qs1', 'qs2'], {}, { failCounts: [{ resource: 'hello', node: 'qs1', count: 'INFINITY' }] }), new Map());
    const all = samples(await scrape(metrics));
    expect(value(all, 'hactl_resource_failures', { resource: 'hello', node: 'qs1' })).toBe(Infinity);
    expect(value(all, 'hactl_group_active_nodes', { group: 'web' })).toBe(2);
    expect(value(all, 'hactl_warnings')).toBe(1);
  });

  it("show each DRBD resource's role, disk, connection and a running resync's percent per node", async () => {
    const metrics = new ClusterMetrics(new Registry());
    metrics.update(statusOf(['qs1'], {}, { drbd: syncing }), new Map());
    const all = samples(await scrape(metrics));
    expect(value(all, 'hactl_drbd_primary', { resource: 'drbd0', node: 'qs1' })).toBe(1);
    expect(value(all, 'hactl_drbd_primary', { resource: 'drbd0', node: 'qs2' })).toBe(0);
    expect(value(all, 'hactl_drbd_up_to_date', { resource: 'drbd0', node: 'qs2' })).toBe(0);
    expect(value(all, 'hactl_drbd_connected', { resource: 'drbd0', node: 'qs2', peer: 'qs1' })).toBe(1);
    expect(value(all, 'hactl_drbd_sync_done_percent', { resource: 'drbd0', node: 'qs2', peer: 'qs1' })).toBe(42.5);
    metrics.update(statusOf(['qs1']), new Map());
    expect(value(samples(await scrape(metrics)), 'hactl_drbd_primary', { resource: 'drbd0', node: 'qs1' })).toBeUndefined();
  });

  const noPromtool = missing({ tools: ['promtool'] });
  it.skipIf(noPromtool)('pass promtool check metrics (names, units, HELP and TYPE as Prometheus wants them)', async () => {
    const tracker = new StatusTracker();
    const metrics = new ClusterMetrics(new Registry());
    tracker.observe(statusOf(['qs1']), 1000);
    tracker.observe(statusOf(['qs2']), 2000);
    metrics.update(statusOf(['qs2'], {}, { failCounts: [{ resource: 'hello', node: 'qs1', count: 3 }], drbd: syncing }), tracker.counters());
    expect(promtoolProblems(await scrape(metrics))).toBe('');
  });
});
