import { beforeAll, describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../../src/runtime/status.js';
import { missing } from '../support/env.js';
import { clientArpNode, eventually, expectDownLeavesNothing, expectRefused, expectThreeFailovers, hactl, onNode, sharedLab } from '../support/lab-cli.js';
import { expectSameFacts } from '../support/status-facts.js';

// keepalived (VRRP) as real daemons in two lab nodes, driven only through the built CLI; each verb is checked from the
// client's side (which node answers ARP for the VIP) and keepalived's own (its addresses), and what VRRP cannot
// express is refused.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'keepalived', 'ping'] });

const STACK = 'test/runtime/fixtures/stacks/ka-web.yaml';
const LAB = 't-keepalived';
const VIP = '10.214.0.100';
const lab = ['--lab', STACK];
const macs: Record<string, string> = {};

const client = () => clientArpNode(STACK, VIP, macs);
const status = async (): Promise<ClusterStatus> => JSON.parse((await hactl('status', ...lab, '--json')).stdout) as ClusterStatus;
const holdsVip = async (node: string) => (await onNode(STACK, node, `ip -o -4 addr show dev eth0`)).stdout.includes(` ${VIP}/`);

describe.skipIf(skip)('keepalived on the lab, driven by hactl', () => {
  const upResult = sharedLab(STACK);
  beforeAll(async () => {
    for (const n of ['ka1', 'ka2']) macs[n] = (await onNode(STACK, n, 'cat /sys/class/net/eth0/address')).stdout.trim();
  });

  it('comes up with VI_1 on the MASTER, and the client reaches the VIP there', async () => {
    const up = upResult();
    expect(up.stderr).not.toMatch(/^hactl: /m);
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toMatch(/cluster t-keepalived is up on lab t-keepalived \(keepalived\) in [\d.]+ s/);
    expect(up.stdout).toMatch(/VI_1\s+10\.214\.0\.100\s+on ka1/);
    expect(await client()).toBe('ka1');
  });

  it("prints the same facts as text and as JSON, and they are keepalived's (its state dump, its addresses)", async () => {
    const [text, json] = [(await hactl('status', ...lab)).stdout, await status()];
    expectSameFacts(text, json);
    expect(json).toMatchObject({ cluster: 't-keepalived', runtime: 'keepalived', reportedBy: ['ka1', 'ka2'], warnings: [] });
    expect(json.nodes.map((n) => [n.name, n.state])).toEqual([['ka1', 'online'], ['ka2', 'online']]);
    const vi = json.groups.find((g) => g.name === 'VI_1');
    expect(vi).toMatchObject({ kind: 'vrrp', runningOn: ['ka1'] });
    expect(text).toMatch(/VI_1\s+vrrp \(MASTER\)\s+started on ka1/);
    expect(text).toMatch(/VI_1\s+vrrp \(BACKUP\)\s+stopped on ka2/);
    expect([await holdsVip('ka1'), await holdsVip('ka2')]).toEqual([true, false]);
  });

  it('standby stops keepalived on the node (priority 0) and the BACKUP takes the VIP; online lets the MASTER preempt again', async () => {
    const standby = await hactl('standby', ...lab, 'ka1');
    expect(standby.exitCode).toBe(0);
    expect(standby.stdout).toMatch(/^ka1: stop keepalived$/m);
    expect(await eventually(client, (n) => n === 'ka2')).toBe('ka2');
    expect([await holdsVip('ka1'), await holdsVip('ka2')]).toEqual([false, true]);
    const away = await status();
    expect(away.nodes.find((n) => n.name === 'ka1')).toMatchObject({ state: 'offline', detail: 'keepalived is not running' });
    expect(away.groups.find((g) => g.name === 'VI_1')?.runningOn).toEqual(['ka2']);

    const online = await hactl('online', ...lab, 'ka1');
    expect(online.exitCode).toBe(0);
    expect(online.stdout).toMatch(/^ka1: start keepalived$/m);
    expect(await eventually(client, (n) => n === 'ka1')).toBe('ka1');
    expect(await eventually(() => holdsVip('ka2'), (held) => !held)).toBe(false);
  });

  it('is-active exits 0 only on the MASTER', async () => {
    const active = await hactl('is-active', ...lab, 'VI_1', '--node', 'ka1');
    expect(active.exitCode).toBe(0);
    expect(active.stdout.trim()).toBe('VI_1 is MASTER on ka1');
    expect((await hactl('is-active', ...lab, 'VI_1', '--node', 'ka2')).exitCode).toBe(1);
  });

  it.each([
    ['move', ['VI_1', 'ka2'], /elects the MASTER by priority/],
    ['unmove', ['VI_1'], /has no placement pin/],
    ['stop', ['VI_1'], /cannot stop one instance while keepalived runs/],
    ['start', ['VI_1'], /starts every instance with keepalived/],
    ['cleanup', [], /keeps no fail-counts or failed actions to clean up/],
  ])('refuses %s in one line naming keepalived, and changes nothing', async (verb, args, reason) => {
    await expectRefused(STACK, verb, args, 'keepalived', new RegExp(`keepalived \\(VRRP\\) ${reason.source}`));
    expect(await holdsVip('ka1')).toBe(true);
  });

  it('measures a failover three times in a row for a killed keepalived and for a cut link', async () => {
    for (const fault of ['kill', 'link']) {
      const lines = await expectThreeFailovers(STACK, fault, /VI_1 \(10\.214\.0\.100\): /, /ka[12]/);
      // the MASTER preempts once it is back, so every run starts from ka1
      for (const line of lines) expect(line).toMatch(/ on ka1 -> answered from ka2 /);
    }
  });

  it('refuses a service fault: a VRRP instance carries no service port to kill', async () => {
    const run = await hactl('test', 'failover', STACK, '--fault', 'service');
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(/^hactl: VI_1 has no known port to kill a service on/m);
  });

  it('goes down leaving no namespace, mount or process of the lab', async () => {
    await expectDownLeavesNothing(STACK, LAB);
  });
});
