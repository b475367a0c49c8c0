import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CONFIG_PATH } from '../../src/agent/config/paths.js';
import { loadStack } from '../../src/load/load-stack.js';
import type { ClusterModel } from '../../src/model/model.js';
import { AGENT_UNIT_PATH, installAgent, NODE_BUNDLE_PATH, readAgentBundle, uninstallAgent } from '../../src/provider/host/agent-install.js';
import { HOST_HACTL } from '../../src/provider/host/hactl.js';
import { vagrantDown, vagrantStatus } from '../../src/provider/vagrant/index.js';
import type { Transport } from '../../src/transport/transport.js';
import { promtoolProblems, samples, value } from '../observe/metrics/exposition.js';
import { missing } from '../support/env.js';
import { freePort } from '../support/free-port.js';
import { MINUTE, openVagrantRun, root, vagrantSkip, type VagrantRun, withMachines } from './vagrant-run.js';

// CI runs this on every run (~8-9 min on emulated VMs, see bench/RESULTS.md). It also brings keepalived up on the same
// VMs, so keepalived on Vagrant stays tested in CI while vagrant.test.ts (a bare `vagrant up` besides) waits for
// HACTL_E2E_VAGRANT=all.
const skip = vagrantSkip({ ci: true }) ?? missing({ tools: ['promtool'] });
const AGENT = join(root, 'stacks/vagrant-agent.yaml');
const KEEPALIVED = join(root, 'stacks/vagrant-agent-keepalived.yaml');
const VIP = '10.231.9.10';
const env = { HACTL_AUTHKEY: 'vagrant-e2e-agent-key', HACTL_VRRP_PASS: 'e2e-pass' };
// `hactl test failover` prints: SERVICE (VIP): FAULT on NODE -> answered from OTHER after N ms
const measured = /^\S+ \(\S+\): (kill|link) on (\S+) -> answered from (?!\2)\S+ after (\d+) ms$/m;

describe.skipIf(skip)('the bundled agent on two Vagrant VMs (libvirt)', () => {
  let run: VagrantRun;
  let model: ClusterModel;
  let keepalivedModel: ClusterModel;
  const failover: Record<string, number> = {};

  const onNodes = <T>(fn: (nodes: Map<string, Transport>) => Promise<T>): Promise<T> => withMachines(model, run, fn);
  const failoverMs = async (stack: string, fault: 'kill' | 'link'): Promise<number> => {
    const out = await run.hactl('test', 'failover', stack, '--provider', 'vagrant', '--fault', fault, '--timeout', '60');
    expect(out.stderr + out.stdout).toMatch(measured);
    expect(out.exitCode).toBe(0);
    return Number(measured.exec(out.stdout)![3]);
  };

  /** The agent's main PID on each node (a restart gives a new one). */
  const agentPids = async (nodes: Map<string, Transport>): Promise<Record<string, string>> => {
    const pids: Record<string, string> = {};
    for (const [node, t] of nodes) pids[node] = (await t.exec('systemctl show -p MainPID --value hactl-agent')).stdout.trim();
    return pids;
  };

  beforeAll(async () => {
    run = await openVagrantRun(env);
    model = (await loadStack(AGENT)).model!;
    keepalivedModel = (await loadStack(KEEPALIVED)).model!;
  }, 40 * MINUTE);

  afterAll(async () => {
    console.log(`agent vs keepalived failover on the same VMs (ms): ${JSON.stringify(failover)}`);
    const leftovers = run ? await run.close(() => vagrantDown(model, { baseDir: run.baseDir })) : [];
    expect(leftovers).toEqual([]);
  }, 10 * MINUTE);

  it('installs the agent bundle with `hactl up --provider vagrant`, runs it under systemd, and the group runs on av1', async () => {
    const up = await run.timed('hactlUpAgent', () => run.hactl('up', '--provider', 'vagrant', AGENT));
    expect(up.stderr).toMatch(/\[av1\] agent installed: \d+\.\d+ MB pushed in \d+\.\d s \(node v18\./);
    expect(up.stdout).toMatch(/cluster vagent is up on Vagrant \(libvirt\)/);
    expect(up.exitCode).toBe(0);
    console.log(up.stderr.split('\n').filter((l) => /agent installed|done \(/.test(l)).join('\n'));
    await onNodes(async (nodes) => {
      for (const t of nodes.values()) {
        expect((await t.exec('systemctl is-active hactl-agent')).stdout.trim()).toBe('active');
        expect((await t.exec(`${HOST_HACTL[0]} --version`)).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
      }
    });
    const status = await run.hactl('status', '--provider', 'vagrant', '--stack', AGENT);
    expect(status.stdout).toMatch(/web \(group\): started on av1/);
  }, 30 * MINUTE);

  it('serves the cluster as Prometheus metrics with `hactl exporter --provider vagrant` (read over SSH)', async () => {
    const port = await freePort();
    const exporter = execa(process.execPath, [join(root, 'dist/cli/hactl.js'), 'exporter', AGENT, '--provider', 'vagrant', '--listen', String(port), '--interval', '2'], { cwd: run.cwd, env, reject: false });
    try {
      const scrape = async () => (await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text(), () => ''));
      await expect.poll(async () => value(samples(await scrape()), 'hactl_status_reporters'), { timeout: 2 * MINUTE, interval: 2000 }).toBe(2);
      const all = samples(await scrape());
      expect(value(all, 'hactl_cluster_info', { cluster: 'vagent', runtime: 'agent' })).toBe(1);
      expect(value(all, 'hactl_group_active', { group: 'web', node: 'av1' })).toBe(1);
      expect(value(all, 'hactl_group_active', { group: 'web', node: 'av2' })).toBe(0);
      expect(value(all, 'hactl_link_up', { node: 'av2', peer: 'av1', link: 'eth2' })).toBe(1);
      expect(promtoolProblems(await scrape())).toBe('');
    } finally {
      exporter.kill('SIGTERM');
      await exporter;
    }
  }, 5 * MINUTE);

  it('moves the group with the verbs over SSH (move, unmove, standby, online)', async () => {
    expect((await run.hactl('move', 'web', 'av2', '--provider', 'vagrant', '--stack', AGENT)).exitCode).toBe(0);
    await expect.poll(async () => (await run.hactl('status', '--provider', 'vagrant', '--stack', AGENT)).stdout, { timeout: MINUTE, interval: 2000 }).toMatch(/web \(group\): started on av2/);
    expect((await run.hactl('unmove', 'web', '--provider', 'vagrant', '--stack', AGENT)).exitCode).toBe(0);
    expect((await run.hactl('standby', 'av2', '--provider', 'vagrant', '--stack', AGENT)).exitCode).toBe(0);
    await expect.poll(async () => (await run.hactl('status', '--provider', 'vagrant', '--stack', AGENT)).stdout, { timeout: MINUTE, interval: 2000 }).toMatch(/web \(group\): started on av1/);
    expect((await run.hactl('online', 'av2', '--provider', 'vagrant', '--stack', AGENT)).exitCode).toBe(0);
  }, 10 * MINUTE);

  it('gives a failover time for a killed agent and for a cut link', async () => {
    failover.agentKill = await run.timed('failoverKillAgent', () => failoverMs(AGENT, 'kill'));
    failover.agentLink = await run.timed('failoverLinkAgent', () => failoverMs(AGENT, 'link'));
    // what each agent logged meanwhile: the timeline behind the figures (printed, for bench/RESULTS.md)
    await onNodes(async (nodes) => {
      for (const [node, t] of nodes) console.log(`${node}:\n${(await t.exec('journalctl -u hactl-agent --since -4min -o short-precise --no-pager | tail -n 80')).stdout}`);
    });
  }, 15 * MINUTE);

  it('restarts the running agents on a changed config when `hactl up` runs again, and the group keeps running', async () => {
    const before = await onNodes((nodes) => agentPids(nodes));
    // the same cluster (same machines) with a longer warntime: only the agent's config changes
    const changed = join(run.cwd, 'vagrant-agent.yaml');
    writeFileSync(changed, readFileSync(AGENT, 'utf8').replace('warntime: 2s', 'warntime: 2500ms'));
    const up = await run.timed('hactlUpAgainChangedConfig', () => run.hactl('up', '--provider', 'vagrant', changed));
    expect(up.exitCode).toBe(0);
    const after = await onNodes(async (nodes) => {
      for (const t of nodes.values()) expect((await t.exec(`grep -c 2500 ${AGENT_CONFIG_PATH}`)).stdout.trim()).not.toBe('0');
      return agentPids(nodes);
    });
    for (const node of ['av1', 'av2']) expect(after[node], `${node}'s agent was not restarted`).not.toBe(before[node]);
    await expect.poll(async () => (await run.hactl('status', '--provider', 'vagrant', '--stack', changed)).stdout, { timeout: 2 * MINUTE, interval: 2000 }).toMatch(/web \(group\): started on av[12]/);
  }, 15 * MINUTE);

  it('upgrades the agent in place (an identical bundle is not pushed again, a new one restarts the running agent) and uninstalls it', async () => {
    const bundle = await readAgentBundle();
    await onNodes(async (nodes) => {
      const av1 = nodes.get('av1')!;
      expect((await installAgent(av1, bundle)).pushed).toBe(false);
      const before = (await agentPids(nodes)).av1;
      const upgraded = Buffer.concat([bundle.get('hactl.mjs')!, Buffer.from('\n// upgraded\n')]);
      const report = await installAgent(av1, new Map([...bundle, ['hactl.mjs', upgraded]]));
      expect(report).toMatchObject({ pushed: true, bytes: upgraded.length });
      // renamed over (never rewritten in place), and the agent now runs the new file
      expect((await av1.exec('systemctl is-active hactl-agent')).stdout.trim()).toBe('active');
      expect((await agentPids(nodes)).av1).not.toBe(before);
      expect((await av1.exec(`tail -c 14 ${NODE_BUNDLE_PATH}`)).stdout).toContain('// upgraded');
      expect((await av1.exec('ls /usr/local/lib/hactl')).stdout.trim().split('\n')).toEqual(['hactl.mjs']);
      for (const t of nodes.values()) await uninstallAgent(t);
      for (const t of nodes.values()) {
        expect((await t.exec(`ls ${NODE_BUNDLE_PATH} ${HOST_HACTL[0]} ${AGENT_UNIT_PATH} 2>/dev/null; systemctl is-active hactl-agent`)).stdout.trim()).toBe('inactive');
        // a stopped agent gives its groups up: no VIP and no service of the group stays behind for the next runtime
        expect((await t.exec('ip -o -4 addr show')).stdout).not.toContain(`${VIP}/`);
        expect((await t.exec('pgrep -x memcached || true')).stdout.trim()).toBe('');
      }
    });
  }, 10 * MINUTE);

  it('runs keepalived on the same VMs afterwards and times the same faults for comparison', async () => {
    const up = await run.timed('hactlUpKeepalivedSameVms', () => run.hactl('up', '--provider', 'vagrant', KEEPALIVED));
    expect(up.stdout).toMatch(/cluster vagent is up/);
    expect(up.exitCode).toBe(0);
    // the provider's per-machine view and the runtime's status agree: keepalived active on both, the VIP on the MASTER
    const machines = await vagrantStatus(keepalivedModel, { baseDir: run.baseDir });
    expect(machines.map((m) => [m.node, m.state, m.services.keepalived, m.vips])).toEqual([['av1', 'running', true, [VIP]], ['av2', 'running', true, []]]);
    const status = await run.hactl('status', '--provider', 'vagrant', '--stack', KEEPALIVED);
    expect(status.stdout).toMatch(/VI_1 \(vrrp\): started on av1/);
    expect(status.stdout).toMatch(/av2\s+online/);
    failover.keepalivedKill = await failoverMs(KEEPALIVED, 'kill');
    failover.keepalivedLink = await failoverMs(KEEPALIVED, 'link');
    // a crash, not a resignation: a backup hears no advert for 3 x advert_int + skew (3.6 s after the last one, so at
    // least 2.6 s after the kill); a VRRP process that resigned first (priority 0) is replaced in about 0.6 s
    expect(failover.keepalivedKill).toBeGreaterThan(2600);
    // keepalived's own account of the same runs (state changes with their times), next to the agent's above
    await onNodes(async (nodes) => {
      for (const [node, t] of nodes) console.log(`${node}:\n${(await t.exec('journalctl -u keepalived --since -5min -o short-precise --no-pager | tail -n 60')).stdout}`);
    });
  }, 20 * MINUTE);

  it('takes the machines down with `hactl down --provider vagrant`', async () => {
    const down = await run.timed('hactlDown', () => run.hactl('down', '--provider', 'vagrant', AGENT));
    expect(down.stdout).toMatch(/machines of vagent destroyed/);
    expect((await run.host.leftovers()).filter((l) => /^(domain|network) /.test(l))).toEqual([]);
  }, 10 * MINUTE);
});
