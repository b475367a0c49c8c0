import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStack } from '../../src/load/load-stack.js';
import type { ClusterModel } from '../../src/model/model.js';
import { mustRunVagrant } from '../../src/host-tools/vagrant-cli.js';
import { connectMachines, heldVips, vagrantDown, vagrantStatus } from '../../src/provider/vagrant/index.js';
import { prepareWorkdir, vagrantWorkdir, withVagrantData } from '../../src/render/vagrant/workdir.js';
import { buildVagrantData, vagrantSettings } from '../../src/render/vagrant/index.js';
import { renderStack, type RenderResult } from '../../src/render/render-stack.js';
import { closeTransports } from '../../src/transport/open-transports.js';
import { openLibvirtHost, type LibvirtHost } from './vagrant-host.js';
import { until, vagrantSkip } from './vagrant-run.js';

const root = join(import.meta.dirname, '..', '..');
// Two emulated VMs take both cores for minutes. CI's budget goes to the agent and DRBD files (the agent file brings
// keepalived up on its VMs too): this one, with its bare `vagrant up`, runs with HACTL_E2E_VAGRANT=all.
const skip = vagrantSkip({ ci: false });
const VIP = '10.231.7.10';
const MINUTE = 60_000;

const timings: Record<string, number> = {};
const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** The host's ping to the VIP: an address of the lab network this test creates, nothing else. */
async function vipAnswers(): Promise<boolean> {
  return (await execa('ping', ['-c', '1', '-W', '1', VIP], { reject: false })).exitCode === 0;
}

/** The MAC the host's neighbour table has for the VIP after it answered: which VM answered. */
async function vipMac(): Promise<string | undefined> {
  const out = (await execa('ip', ['neigh', 'show', VIP], { reject: false })).stdout;
  return /lladdr (\S+)/.exec(out)?.[1];
}

describe.skipIf(skip)('hactl up --provider vagrant (libvirt, two keepalived VMs)', () => {
  let host: LibvirtHost;
  let model: ClusterModel;
  let rendered: RenderResult;
  let baseDir: string;

  let cwd: string;
  // exercise what ships: the built CLI, run from a scratch directory so its .hactl/vagrant work tree lands there
  const hactl = (...args: string[]) =>
    execa(process.execPath, [join(root, 'dist/cli/hactl.js'), ...args], { cwd, env: { HACTL_VRRP_PASS: 'e2e-pass' }, reject: false, timeout: 30 * MINUTE });

  beforeAll(async () => {
    host = await openLibvirtHost();
    const started = performance.now();
    await execa(join(root, 'scripts/build-box'), { stdio: 'inherit' });
    timings.boxBuildOrCacheCheck = performance.now() - started;
    const loaded = await loadStack(join(root, 'stacks/vagrant-keepalived.yaml'));
    model = loaded.model!;
    rendered = renderStack(model, { env: { HACTL_VRRP_PASS: 'e2e-pass' }, baseDir: join(root, 'stacks') });
    cwd = mkdtempSync(join(tmpdir(), 'hactl-vagrant-e2e-'));
    baseDir = join(cwd, '.hactl', 'vagrant');
  }, 40 * MINUTE);

  afterAll(async () => {
    if (model) await vagrantDown(model, { baseDir }).catch(() => undefined);
    if (cwd) rmSync(cwd, { recursive: true, force: true });
    const leftovers = host ? await host.cleanup() : [];
    console.log(`vagrant e2e durations (s): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, seconds(v)])))}`);
    expect(leftovers).toEqual([]);
  }, 10 * MINUTE);

  it('brings both machines up with `hactl up --provider vagrant`, provisions them over SSH, and the VIP answers from the host', async () => {
    const started = performance.now();
    const up = await hactl('up', '--provider', 'vagrant', join(root, 'stacks/vagrant-keepalived.yaml'));
    timings.hactlUp = performance.now() - started;
    expect(up.stderr).toMatch(/machines: done/);
    expect(up.stdout).toMatch(/cluster vkeep is up on Vagrant \(libvirt\)/);
    expect(up.exitCode).toBe(0);
    await until('the VIP answers', MINUTE, async () => ((await vipAnswers()) ? true : undefined));
    const status = await vagrantStatus(model, { baseDir });
    expect(status.map((s) => [s.node, s.state, s.services.keepalived])).toEqual([['lb1', 'running', true], ['lb2', 'running', true]]);
    expect(status.find((s) => s.node === 'lb1')?.vips).toEqual([VIP]);
    expect(status.find((s) => s.node === 'lb2')?.vips).toEqual([]);
    const cliStatus = await hactl('status', '--provider', 'vagrant', '--stack', join(root, 'stacks/vagrant-keepalived.yaml'));
    expect(cliStatus.stdout).toMatch(/VI_\w+ \(vrrp\): started on lb1/);
    expect(cliStatus.stdout).toMatch(/lb2\s+online/);
  }, 30 * MINUTE);

  it("answers from lb2 once lb1's keepalived is killed", async () => {
    const transports = await connectMachines(model, vagrantWorkdir(model.cluster, baseDir), false);
    try {
      const lb1 = transports.get('lb1')!;
      const lb2 = transports.get('lb2')!;
      const lb2Mac = (await lb2.exec('cat /sys/class/net/eth1/address')).stdout.trim();
      const killed = performance.now();
      expect((await lb1.exec('systemctl kill --signal=SIGKILL keepalived')).code).toBe(0);
      await until('lb2 takes the VIP', MINUTE, async () => ((await heldVips(lb2, [VIP])).length ? true : undefined));
      await until('the VIP answers from lb2', MINUTE, async () => ((await vipAnswers()) && (await vipMac()) === lb2Mac ? true : undefined));
      timings.failover = performance.now() - killed;
    } finally {
      await closeTransports(transports.values());
    }
  }, 5 * MINUTE);

  it('takes the machines and their networks down with `hactl down --provider vagrant`', async () => {
    const started = performance.now();
    const down = await hactl('down', '--provider', 'vagrant', join(root, 'stacks/vagrant-keepalived.yaml'));
    timings.hactlDown = performance.now() - started;
    expect(down.stdout).toMatch(/machines of vkeep destroyed/);
    expect((await vagrantStatus(model, { baseDir })).map((s) => s.state)).toEqual(['not_created', 'not_created']);
    expect((await host.leftovers()).filter((l) => /^(domain|network) /.test(l))).toEqual([]);
  }, 10 * MINUTE);

  it('compares with a bare `vagrant up` of the same machines (Vagrant runs provision/*.sh)', async () => {
    const dir = vagrantWorkdir(model.cluster, baseDir);
    await prepareWorkdir(dir, withVagrantData(rendered, buildVagrantData(model, vagrantSettings(model))));
    const started = performance.now();
    await mustRunVagrant(['up'], { cwd: dir.root, timeoutMs: 30 * MINUTE });
    timings.bareVagrantUp = performance.now() - started;
    await until('the VIP answers after a bare vagrant up', MINUTE, async () => ((await vipAnswers()) ? true : undefined));
    const destroyed = performance.now();
    await vagrantDown(model, { baseDir });
    timings.destroy = performance.now() - destroyed;
  }, 40 * MINUTE);
});
