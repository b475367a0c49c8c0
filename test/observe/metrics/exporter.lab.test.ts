import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { missing } from '../../support/env.js';
import { startExporter, stopServing, type Serving } from '../serve-cli.js';
import { promtoolProblems, samples, value } from './exposition.js';

// `hactl exporter` on real labs: keepalived (no metrics of its own) and the agent seen from outside give the same
// metric names, read through the runtime layer's status model; a failover test shows up in the counters.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'nft', 'keepalived', 'promtool'] });
const env = { HACTL_VRRP_PASS: '1111' };
const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env, timeout: 180_000 });
const VRRP = 'stacks/002-vrrp-keepalived.yaml';
const QUICKSTART = 'stacks/quickstart.yaml';


describe.skipIf(skip)('hactl exporter on a lab', () => {
  const exporters: Serving[] = [];
  afterAll(async () => {
    await stopServing(...exporters);
    await hactl('down', VRRP);
    await hactl('down', QUICKSTART);
  });

  it('serves keepalived as the agent would: the VRRP instance on its MASTER, promtool clean, the failover and the return counted', async () => {
    const up = await hactl('up', VRRP);
    expect(up.exitCode, up.stderr).toBe(0);
    const { scrape, ...serving } = await startExporter(VRRP, env);
    exporters.push(serving);
    const before = samples(await scrape());
    expect(value(before, 'hactl_status_up')).toBe(1);
    expect(value(before, 'hactl_cluster_info', { cluster: 'vrrp', runtime: 'keepalived' })).toBe(1);
    expect(value(before, 'hactl_group_active', { group: 'VI_1', node: 'lb1' })).toBe(1);
    expect(value(before, 'hactl_group_active', { group: 'VI_1', node: 'lb2' })).toBe(0);
    expect(value(before, 'hactl_node_state', { node: 'lb2', state: 'online' })).toBe(1);
    expect(promtoolProblems(await scrape())).toBe('');
    const run = await hactl('test', 'failover', VRRP, '--fault', 'kill', '--timeout', '30', '--history', 'out/test-artifacts/exporter-history.jsonl');
    expect(run.exitCode, run.stderr).toBe(0);
    // lb1 (priority 150, MASTER) is killed, lb2 takes VI_1; once lb1 is restored it preempts: two failovers
    await expect.poll(async () => value(samples(await scrape()), 'hactl_group_failovers_total', { group: 'VI_1' }), { timeout: 10_000 }).toBe(2);
    expect(value(samples(await scrape()), 'hactl_group_active', { group: 'VI_1', node: 'lb1' })).toBe(1);
    expect(value(samples(await scrape()), 'hactl_group_last_failover_timestamp_seconds', { group: 'VI_1' })).toBeGreaterThan(Date.now() / 1000 - 120);
    await hactl('down', VRRP);
  });

  it('serves the agent runtime from outside with the same names', async () => {
    const up = await hactl('up', QUICKSTART);
    expect(up.exitCode, up.stderr).toBe(0);
    const { scrape, ...serving } = await startExporter(QUICKSTART, env);
    exporters.push(serving);
    const all = samples(await scrape());
    expect(value(all, 'hactl_cluster_info', { cluster: 'quickstart', runtime: 'agent' })).toBe(1);
    expect(value(all, 'hactl_group_active', { group: 'web', node: 'qs1' })).toBe(1);
    expect(value(all, 'hactl_link_up', { node: 'qs2', peer: 'qs1', link: 'eth1' })).toBe(1);
    expect(value(all, 'hactl_status_reporters')).toBe(2);
    expect(promtoolProblems(await scrape())).toBe('');
  });
});
