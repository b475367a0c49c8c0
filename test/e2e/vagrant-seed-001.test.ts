import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStack } from '../../src/load/load-stack.js';
import type { ClusterModel } from '../../src/model/model.js';
import { connectMachines, vagrantDown } from '../../src/provider/vagrant/index.js';
import { vagrantWorkdir } from '../../src/render/vagrant/workdir.js';
import { closeTransports } from '../../src/transport/open-transports.js';
import type { Transport } from '../../src/transport/transport.js';
import { MINUTE, openVagrantRun, root, seconds, until, vagrantSkip, type VagrantRun } from './vagrant-run.js';

// Seed 001 where the guide built it: two VMs (s1/s2) on two private networks, Apache, Samba and Tomcat behind Apache's
// AJP proxy, retargeted to Pacemaker 2 on Corosync 3 and operated with hactl's verbs over SSH as the guide does with
// crm. Everything is checked from this host (the guide's client network reaches it) and against crm_mon on a node.
// Emulated VMs and a JVM take long: only with HACTL_E2E_VAGRANT=all.
const skip = vagrantSkip({ ci: false });
const STACK = join(root, 'stacks/vagrant-web.yaml');
const env = { HACTL_AUTHKEY: 'vagrant-e2e-web-key' };
const NODES = ['s1', 's2'];
const GROUPS = ['web', 'samba', 'webapp'];
const WEB_VIP = '192.168.1.101';
const SAMBA_VIP = '192.168.1.100';
// a placement change on emulated guests: Pacemaker's ops there take seconds each; Tomcat's start takes minutes
const SETTLE_MS = 5 * MINUTE;
const TOMCAT_MS = 12 * MINUTE;

type Placement = Record<string, string>;

describe.skipIf(skip)('seed 001 on two Vagrant VMs: Apache, Samba and Tomcat on Pacemaker 2, operated with hactl verbs', () => {
  let run: VagrantRun;
  let model: ClusterModel;
  let nodes: Map<string, Transport> | undefined;
  let probe = 0;

  const node = (name: string): Transport => nodes!.get(name)!;
  const sh = async (name: string, command: string): Promise<string> => (await node(name).exec(command, { timeoutMs: 120_000 })).stdout.trim();
  const hactlOk = async (...args: string[]): Promise<void> => {
    const r = await run.hactl(...args);
    expect(r.exitCode, `hactl ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
  };
  const verb = (name: string, ...args: string[]) => hactlOk(name, '--provider', 'vagrant', '--stack', STACK, ...args);

  /** The body of a page from this host, '' when nothing answers within 10 s. */
  async function get(url: string): Promise<string> {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      return r.ok ? await r.text() : '';
    } catch {
      return '';
    }
  }

  /** The node whose Apache served a unique request for the page on the web VIP ('' when no page came back). */
  async function pageServedBy(): Promise<string> {
    const marker = `hactl-probe-${process.pid}-${++probe}`;
    if (!(await get(`http://${WEB_VIP}/?${marker}`)).includes('<html>')) return '';
    for (const n of NODES) if (await sh(n, `grep -l ${marker} /var/log/apache2/access.log 2>/dev/null`)) return n;
    return 'unknown';
  }

  const tcpOpen = (host: string, port: number): Promise<boolean> =>
    new Promise((resolve) => {
      const s = connect(port, host);
      s.setTimeout(5000, () => (s.destroy(), resolve(false)));
      s.on('connect', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });

  /** Where each group runs as `crm_mon -1` on a node prints it. */
  async function crmPlacement(on = 's1'): Promise<Placement> {
    const mon = await sh(on, 'crm_mon -1');
    const out: Placement = {};
    for (const g of GROUPS) {
      const members = new RegExp(`Resource Group: ${g}\\b.*\\n((?: {4,}\\*.*\\n?)+)`).exec(`${mon}\n`)?.[1] ?? '';
      const where = [...new Set([...members.matchAll(/Started (\S+)/g)].map((m) => m[1]!))];
      out[g] = /Stopped|Starting|Stopping/.test(members) || where.length === 0 ? 'stopped' : where.join(',');
    }
    return out;
  }

  /** Where each group runs as `hactl status --provider vagrant` prints it. */
  async function hactlPlacement(): Promise<Placement> {
    const status = (await run.hactl('status', '--provider', 'vagrant', '--stack', STACK)).stdout;
    const out: Placement = {};
    for (const g of GROUPS) {
      const line = new RegExp(`^\\s*${g} \\(group\\): (.*)$`, 'm').exec(status)?.[1] ?? '';
      out[g] = /started on (\S+)$/.exec(line)?.[1] ?? (/stopped/i.test(line) ? 'stopped' : line);
    }
    return out;
  }

  /**
   * Waits until crm_mon shows `want` (every group placed when want is empty), then until `hactl status` says the same
   * for those groups: the others may still be moving (Pacemaker rebalances groups when one is pinned).
   */
  async function settled(want: Placement, ms = SETTLE_MS): Promise<Placement> {
    const groups = Object.keys(want).length ? Object.keys(want) : GROUPS;
    const matches = (p: Placement) => groups.every((g) => (want[g] ? p[g] === want[g] : NODES.includes(p[g]!)));
    const crm = await until(`crm_mon shows ${JSON.stringify(want)}`, ms, async () => {
      const p = await crmPlacement().catch(() => undefined);
      return p && matches(p) ? p : undefined;
    });
    const pick = (p: Placement) => Object.fromEntries(groups.map((g) => [g, p[g]]));
    const ours = await until('hactl status agrees with crm_mon', 2 * MINUTE, async () => {
      const p = pick(await hactlPlacement());
      return groups.every((g) => p[g] === crm[g]) ? p : undefined;
    }).catch(async () => pick(await hactlPlacement()));
    expect(ours).toEqual(pick(crm));
    return crm;
  }

  /** Runs the verb and waits until the client sees `see` hold; records the time under `name`. */
  async function timedUntil(name: string, action: () => Promise<void>, what: string, see: () => Promise<boolean>, ms = SETTLE_MS): Promise<void> {
    const started = performance.now();
    await action();
    await until(what, ms, async () => ((await see()) ? true : undefined));
    run.timings[name] = performance.now() - started;
  }

  beforeAll(async () => {
    run = await openVagrantRun(env);
    model = (await loadStack(STACK)).model!;
  }, 40 * MINUTE);

  afterAll(async () => {
    if (nodes) await closeTransports(nodes.values());
    // down destroys every VM, its disk and the networks, whatever happened above
    const leftovers = run ? await run.close(() => vagrantDown(model, { baseDir: run.baseDir })) : [];
    expect(leftovers).toEqual([]);
  }, 15 * MINUTE);

  it('comes up retargeted to Pacemaker 2 on Corosync 3: the page on the web VIP, Samba on its VIP, the Tomcat app through AJP', async () => {
    const up = await run.timed('hactlUp', () => run.hactl('up', '--provider', 'vagrant', STACK));
    const phases: Record<string, number> = Object.fromEntries([...up.stderr.matchAll(/^(\w+): done \(([\d.]+) s\)/gm)].map((m) => [m[1]!, Number(m[2])]));
    // machines ready = vagrant up + provisioning over SSH; healthy = the whole up, cluster formed and every group started
    for (const [key, re] of [['machinesReady', /machines ready \(([\d.]+) s\)/], ['healthy', /healthy after ([\d.]+) s/]] as const) {
      const m = re.exec(up.stdout + up.stderr);
      if (m) phases[key] = Number(m[1]);
    }
    console.log(`vagrant seed 001 up phases (s): ${JSON.stringify(phases)}; total ${seconds(run.timings.hactlUp!)} s`);
    expect(up.exitCode, `${up.stdout}\n${up.stderr}`).toBe(0);
    expect(up.stdout + up.stderr).toMatch(/translated: changed pacemaker\.messaging: .*corosync 3/);
    nodes = await connectMachines(model, vagrantWorkdir(model.cluster, run.baseDir), false);
    const at = await settled({});
    expect(await pageServedBy()).toBe(at.web);
    expect(await tcpOpen(SAMBA_VIP, 445)).toBe(true);
    expect(await tcpOpen(SAMBA_VIP, 139)).toBe(true);
    // the guide's pinned UID on both nodes (the box's tomcat10 had its own: renumbered on these machines)
    for (const n of NODES) expect(await sh(n, 'id -u tomcat')).toBe('700');
    const started = performance.now();
    const app = await until('the Tomcat app answers through the AJP proxy', TOMCAT_MS, async () => ((await get(`http://${WEB_VIP}/app/`)) || undefined));
    run.timings.tomcatAppAfterUp = performance.now() - started;
    expect(app).toMatch(/Tomcat/i);
  }, 60 * MINUTE);

  it('move web s2: the client gets the page from s2; crm_mon and hactl status agree', async () => {
    await timedUntil('moveWebToS2', () => verb('move', 'web', 's2'), 'the page comes from s2', async () => (await pageServedBy()) === 's2');
    expect((await settled({ web: 's2' })).web).toBe('s2');
    expect(await sh('s2', 'crm configure show')).toMatch(/cli-prefer-web/);
  }, 15 * MINUTE);

  it('stop web: no page; start web: the page again from s2 (still moved there)', async () => {
    await timedUntil('stopWeb', () => verb('stop', 'web'), 'the page is gone', async () => !(await get(`http://${WEB_VIP}/`)));
    await settled({ web: 'stopped' });
    expect(await pageServedBy()).toBe('');
    await timedUntil('startWeb', () => verb('start', 'web'), 'the page comes from s2 again', async () => (await pageServedBy()) === 's2');
    await settled({ web: 's2' });
  }, 15 * MINUTE);

  it('cleanup httpd s1 and unmove web: no fail-count or pin left, the page still served', async () => {
    await verb('cleanup', 'httpd', 's1');
    expect(await sh('s1', 'crm_mon -1 --failcounts')).not.toMatch(/httpd:.*fail-count/);
    await timedUntil('unmoveWeb', () => verb('unmove', 'web'), 'the pin is gone', async () => !/cli-prefer-web/.test(await sh('s1', 'crm configure show')));
    const p = await settled({});
    expect(await pageServedBy()).toBe(p.web);
  }, 15 * MINUTE);

  it('standby s1: every group on s2, the page, Samba and the Tomcat app from s2; online s1', async () => {
    await timedUntil('standbyS1Page', () => verb('standby', 's1'), 'the page comes from s2', async () => (await pageServedBy()) === 's2');
    const standby = performance.now();
    await settled({ web: 's2', samba: 's2', webapp: 's2' }, TOMCAT_MS);
    expect(await sh('s2', 'crm_mon -1')).toMatch(/Node s1: standby/);
    // smb's LSB start returns once smbd forked: on an emulated guest it listens seconds later (a run saw it closed)
    expect(await until('Samba listens on its VIP from s2', MINUTE, async () => ((await tcpOpen(SAMBA_VIP, 445)) ? true : undefined))).toBe(true);
    // the app only answers once Tomcat started on s2: its JVM starts in minutes on an emulated guest
    const app = await until('the Tomcat app answers from s2', TOMCAT_MS, async () => ((await get(`http://${WEB_VIP}/app/`)) || undefined));
    run.timings.standbyS1TomcatApp = performance.now() - standby;
    expect(app).toMatch(/Tomcat/i);
    // the JVM listens on an IPv6 socket: the address shows as [::ffff:192.168.1.102]
    expect(await sh('s2', 'ss -Hltn sport = :8009')).toMatch(/(?:\[::ffff:)?192\.168\.1\.102\]?:8009/);
    await timedUntil('onlineS1', () => verb('online', 's1'), 'crm_mon shows no standby', async () => !/standby/.test(await sh('s2', 'crm_mon -1')));
  }, 30 * MINUTE);

  it('goes down with `hactl down --provider vagrant`: no VM, disk or network left', async () => {
    if (nodes) await closeTransports(nodes.values());
    nodes = undefined;
    const down = await run.timed('hactlDown', () => run.hactl('down', '--provider', 'vagrant', STACK));
    expect(down.exitCode, down.stderr).toBe(0);
    expect((await run.host.leftovers()).filter((l) => /^(domain|network|volume) /.test(l))).toEqual([]);
  }, 15 * MINUTE);
});
