import { afterAll, describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../../src/runtime/status.js';
import { missing } from '../support/env.js';
import { clientGets, eventually, expectDownLeavesNothing, expectRefused, expectThreeFailovers, hactl, labNamespaces, onNode, sharedLab } from '../support/lab-cli.js';
import { expectSameFacts } from '../support/status-facts.js';

// heartbeat 3.0.6 in v1 mode (haresources) as real daemons in two lab nodes, driven only through the built CLI; each
// verb is checked from the client's side and from heartbeat's own (cl_status), and what v1 cannot do is refused.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'cl_status', 'curl'] });

const STACK = 'test/runtime/fixtures/stacks/hb-web.yaml';
const LAB = 't-heartbeat';
const URL = 'http://10.213.0.100:8080/';
const lab = ['--lab', STACK];

const client = () => clientGets(STACK, URL);
const clientSees = (node: string) => eventually(client, (who) => who === node);
const status = async (): Promise<ClusterStatus> => JSON.parse((await hactl('status', ...lab, '--json')).stdout) as ClusterStatus;
/** heartbeat's own client: which resources this node holds (all, local, foreign, none) */
const rscstatus = async (node: string) => (await onNode(STACK, node, 'cl_status rscstatus')).stdout.trim();
/** heartbeat's IPaddr resource script, as heartbeat's ResourceManager asks it */
const ipaddrStatus = async (node: string) => (await onNode(STACK, node, '/etc/ha.d/resource.d/IPaddr 10.213.0.100/24/eth0 status 2>&1')).stdout.trim();

describe.skipIf(skip)('heartbeat v1 on the lab, driven by hactl', () => {
  const upResult = sharedLab(STACK);

  it('comes up with the web group on the preferred node, and the client reaches the VIP there', async () => {
    const up = upResult();
    expect(up.stderr).not.toMatch(/^hactl: /m);
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toMatch(/cluster t-heartbeat is up on lab t-heartbeat \(heartbeat\) in [\d.]+ s/);
    expect(up.stdout).toMatch(/web\s+10\.213\.0\.100\s+on hb1/);
    expect(await client()).toBe('hb1');
  });

  it('prints the same facts as text and as JSON, and they are what cl_status reports', async () => {
    const [text, json] = [(await hactl('status', ...lab)).stdout, await status()];
    expectSameFacts(text, json);
    expect(json).toMatchObject({ cluster: 't-heartbeat', runtime: 'heartbeat', reportedBy: ['hb1', 'hb2'], warnings: [] });
    expect(json.nodes.map((n) => [n.name, n.state])).toEqual([['hb1', 'online'], ['hb2', 'online']]);
    expect(json.groups.find((g) => g.name === 'web')?.runningOn).toEqual(['hb1']);
    expect(json.links).toEqual(expect.arrayContaining([{ node: 'hb1', peer: 'hb2', link: 'eth0', status: 'up' }]));
    expect((await onNode(STACK, 'hb1', 'cl_status nodestatus hb2')).stdout.trim()).toBe('active');
    // heartbeat's own resource script says where the VIP runs
    expect(await ipaddrStatus('hb1')).toMatch(/Running OK/);
    expect(await ipaddrStatus('hb2')).toMatch(/Resource is stopped/);
  });

  it('standby hands every resource to the peer (hb_standby); online says v1 has no standby state to leave', async () => {
    const standby = await hactl('standby', ...lab, 'hb1');
    expect(standby.exitCode).toBe(0);
    expect(standby.stdout).toMatch(/^hb1: \S*hb_standby all$/m);
    expect(await clientSees('hb2')).toBe('hb2');
    expect(await eventually(() => rscstatus('hb2'), (r) => r === 'all')).toBe('all');
    expect((await eventually(status, (s) => s.groups[0]?.runningOn[0] === 'hb2')).groups[0]?.runningOn).toEqual(['hb2']);

    const online = await hactl('online', ...lab, 'hb1');
    expect(online.exitCode).toBe(0);
    expect(online.stdout).toMatch(/heartbeat v1 \(haresources\) has no standby state to leave/);
    // auto_failback off: nothing moves back
    expect(await client()).toBe('hb2');
  });

  it('move takes the only group over on the target node (hb_takeover there)', async () => {
    const move = await hactl('move', ...lab, 'hello', 'hb1');
    expect(move.exitCode).toBe(0);
    expect(move.stdout).toMatch(/^hb1: \S*hb_takeover all$/m);
    expect(await clientSees('hb1')).toBe('hb1');
    expect(await eventually(() => rscstatus('hb1'), (r) => r === 'all')).toBe('all');
  });

  it('is-active exits 0 only on the node running the group', async () => {
    const active = await hactl('is-active', ...lab, 'web', '--node', 'hb1');
    expect(active.exitCode).toBe(0);
    expect(active.stdout.trim()).toBe('web runs on hb1');
    const passive = await hactl('is-active', ...lab, 'web', '--node', 'hb2');
    expect(passive.exitCode).toBe(1);
    expect(passive.stdout.trim()).toBe('web does not run on hb2');
  });

  it.each([
    ['unmove', ['web'], /has no placement pin to drop/],
    ['stop', ['web'], /cannot stop one group while heartbeat runs/],
    ['start', ['web'], /cannot start one group by hand/],
    ['cleanup', [], /keeps no fail-counts or failed actions to clean up/],
  ])('refuses %s in one line naming heartbeat, and changes nothing', async (verb, args, reason) => {
    await expectRefused(STACK, verb, args, 'heartbeat', new RegExp(`heartbeat v1 \\(haresources\\) ${reason.source}`));
    expect(await client()).toBe('hb1');
  });

  it('measures a failover three times in a row for a killed heartbeat, a cut link and a killed service', async () => {
    for (const fault of ['kill', 'link', 'service']) {
      const lines = await expectThreeFailovers(STACK, fault, /web \(10\.213\.0\.100\): /, /hb[12]/);
      // heartbeat v1 restarts nothing in place: the respawned check hands the group over (hb_standby)
      for (const line of lines) expect(line).not.toMatch(/on (hb\d) -> answered from \1 /);
      if (fault === 'service') continue;
      // auto_failback off: the healed node joins without taking the group back, so each run starts where the last ended
      const hops = lines.map((l) => /on (hb\d) -> answered from (hb\d)/.exec(l)!.slice(1));
      for (let i = 1; i < hops.length; i++) expect(hops[i]![0], lines.join('\n')).toBe(hops[i - 1]![1]);
    }
  });

  it('goes down leaving no namespace, mount or process of the lab', async () => {
    await expectDownLeavesNothing(STACK, LAB);
  });
});

// heartbeat's `crm on` (Pacemaker on heartbeat, seed 001) cannot run on Debian 12: Pacemaker 2 dropped heartbeat.
const CRM = 'test/runtime/fixtures/stacks/hb-crm-web.yaml';

describe.skipIf(skip)('heartbeat with crm on, on the lab', () => {
  afterAll(async () => {
    await hactl('down', CRM);
  });

  it('is retargeted by up to Pacemaker 2 on Corosync 3, says so in one line, and runs as such', async () => {
    const up = await hactl('up', CRM);
    expect(up.exitCode).toBe(0);
    expect(up.stderr).toMatch(/^translated: changed pacemaker\.messaging: cluster layer heartbeat \(ha\.cf "pacemaker on"\) → corosync 3 \(Pacemaker 2 dropped heartbeat as a cluster layer: it runs on corosync only\)$/m);
    expect(up.stdout).toMatch(/cluster t-hbcrm is up on lab t-hbcrm \(pacemaker\)/);
    expect(up.stdout).toMatch(/web\s+10\.215\.0\.100\s+on hc1/);
    expect(await clientGets(CRM, 'http://10.215.0.100:8080/')).toBe('hc1');
    expect((await onNode(CRM, 'hc1', 'crm_mon -1')).stdout).toMatch(/Stack: corosync/);
    expect((await hactl('down', CRM)).exitCode).toBe(0);
    expect(labNamespaces('t-hbcrm')).toEqual([]);
  });
});
