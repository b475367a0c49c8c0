import { describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../../src/runtime/status.js';
import { missing } from '../support/env.js';
import { clientGets, eventually, expectDownLeavesNothing, expectThreeFailovers, hactl, onNode, sharedLab } from '../support/lab-cli.js';
import { expectSameFacts } from '../support/status-facts.js';

// Pacemaker 2 on Corosync 3 as real daemons in two lab nodes, driven only through the built CLI; every verb is
// checked from the client's side (who answers on the VIP) and from Pacemaker's own side (crm_mon, the CIB).
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'corosync', 'pacemakerd', 'crm', 'crm_mon', 'curl'] });

// as from an operator's terminal, whatever CI sets: crmsh colours its output whenever TERM names a colour terminal
process.env.TERM = 'xterm-256color';

const STACK = 'test/runtime/fixtures/stacks/pm-web.yaml';
const LAB = 't-pacemaker';
const URL = 'http://10.211.0.100:8080/';
const lab = ['--lab', STACK];

const client = () => clientGets(STACK, URL);
const clientSees = (node: string) => eventually(client, (who) => who === node);
const status = async (): Promise<ClusterStatus> => JSON.parse((await hactl('status', ...lab, '--json')).stdout) as ClusterStatus;
/** crm_mon's own XML on a node: what Pacemaker itself reports. */
const crmMon = async (node = 'pm1') => (await onNode(STACK, node, 'crm_mon --output-as=xml --inactive')).stdout;
const crmNode = (xml: string, node: string) => new RegExp(`<node name="${node}"[^>]*>|<node name="${node}"[^>]*/>`).exec(xml)?.[0] ?? '';
const constraints = async () => (await onNode(STACK, 'pm1', 'cibadmin --query --scope constraints')).stdout;

describe.skipIf(skip)('Pacemaker + Corosync 3 on the lab, driven by hactl', () => {
  const upResult = sharedLab(STACK);

  it('comes up with the web group on the preferred node, and the client reaches the VIP there', async () => {
    const up = upResult();
    expect(up.stderr).not.toMatch(/^hactl: /m);
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toMatch(/cluster t-pacemaker is up on lab t-pacemaker \(pacemaker\) in [\d.]+ s/);
    expect(up.stdout).toMatch(/web\s+10\.211\.0\.100\s+on pm1/);
    expect(await client()).toBe('pm1');
  });

  it('prints the same facts as text and as JSON, and they are what crm_mon reports', async () => {
    const [text, json, xml] = [(await hactl('status', ...lab)).stdout, await status(), await crmMon()];
    expectSameFacts(text, json);
    expect(json).toMatchObject({ cluster: 't-pacemaker', runtime: 'pacemaker', reportedBy: ['pm1', 'pm2'], warnings: [] });
    expect(json.nodes.map((n) => [n.name, n.state])).toEqual([['pm1', 'online'], ['pm2', 'online']]);
    expect(json.groups.find((g) => g.name === 'web')?.runningOn).toEqual(['pm1']);
    expect(json.quorum?.quorate).toBe(true);
    expect(crmNode(xml, 'pm1')).toMatch(/online="true"/);
    expect(xml).toMatch(/<group id="web"[\s\S]*?<node name="pm1"/);
    expect(json.dc).toEqual([/<current_dc [^>]*name="(\w+)"/.exec(xml)?.[1]]);
  });

  it('standby moves web off the node and crm_mon shows the node in standby; online lets it run groups again', async () => {
    const standby = await hactl('standby', ...lab, 'pm1');
    expect(standby.exitCode).toBe(0);
    expect(standby.stdout).toMatch(/crm node standby pm1/);
    expect(await clientSees('pm2')).toBe('pm2');
    expect(crmNode(await crmMon('pm2'), 'pm1')).toMatch(/standby="true"/);
    expect((await status()).nodes.find((n) => n.name === 'pm1')?.state).toBe('standby');

    expect((await hactl('online', ...lab, 'pm1')).exitCode).toBe(0);
    const xml = await eventually(() => crmMon('pm2'), (x) => /standby="false"/.test(crmNode(x, 'pm1')));
    expect(crmNode(xml, 'pm1')).toMatch(/standby="false"/);
    expect((await status()).nodes.find((n) => n.name === 'pm1')?.state).toBe('online');
  });

  it('move pins web to a node with a cli-prefer constraint (a member name moves its group), unmove drops the pin', async () => {
    const move = await hactl('move', ...lab, 'hello', 'pm2');
    expect(move.exitCode).toBe(0);
    expect(move.stdout).toMatch(/crm resource move web pm2/);
    // crmsh's own words come through without terminal colour codes
    expect(move.stdout).toMatch(/cli-prefer|[Mm]ove constraint/);
    expect(move.stdout).not.toContain('\x1b[');
    expect(await clientSees('pm2')).toBe('pm2');
    expect(await constraints()).toMatch(/<rsc_location id="cli-prefer-web" rsc="web"[^>]*node="pm2"/);

    const back = await hactl('move', ...lab, 'web', 'pm1');
    expect(back.exitCode).toBe(0);
    expect(await clientSees('pm1')).toBe('pm1');

    const unmove = await hactl('unmove', ...lab, 'web');
    expect(unmove.exitCode).toBe(0);
    expect(unmove.stdout).toMatch(/crm resource clear web/);
    expect(await constraints()).not.toMatch(/cli-prefer-web/);
  });

  it('stop keeps web stopped everywhere (target-role Stopped), start runs it again; is-active exits 0 only where it runs', async () => {
    expect((await hactl('stop', ...lab, 'web')).exitCode).toBe(0);
    expect(await eventually(client, (who) => who === '')).toBe('');
    const stopped = await eventually(status, (s) => s.groups.find((g) => g.name === 'web')?.runningOn.length === 0);
    expect(stopped.groups.find((g) => g.name === 'web')).toMatchObject({ disabled: true, runningOn: [] });
    expect(await crmMon()).toMatch(/<group id="web"[\s\S]*?target_role="Stopped"/i);
    expect((await hactl('is-active', ...lab, 'web', '--node', 'pm1')).exitCode).toBe(1);
    expect((await hactl('is-active', ...lab, 'web', '--node', 'pm2')).exitCode).toBe(1);

    expect((await hactl('start', ...lab, 'web')).exitCode).toBe(0);
    const who = await eventually(client, (w) => w === 'pm1' || w === 'pm2');
    expect(['pm1', 'pm2']).toContain(who);
    const other = who === 'pm1' ? 'pm2' : 'pm1';
    const active = await hactl('is-active', ...lab, 'web', '--node', who);
    expect(active.exitCode).toBe(0);
    expect(active.stdout.trim()).toBe(`web runs on ${who}`);
    expect((await hactl('is-active', ...lab, 'hello', '--node', other)).exitCode).toBe(1);
  });

  it('measures a failover three times in a row for a killed corosync+pacemaker, a cut link and a killed service', async () => {
    for (const fault of ['kill', 'link', 'service']) {
      const lines = await expectThreeFailovers(STACK, fault, /web \(10\.211\.0\.100\): /, /pm[12]/);
      // a killed service is restarted in place until migration-threshold; a lost node's group must move
      if (fault !== 'service') for (const line of lines) expect(line).not.toMatch(/on (pm\d) -> answered from \1 /);
    }
  });

  it('cleanup forgets the failures the killed services left (fail-counts and failed actions, in crm_mon too)', async () => {
    const before = await status();
    expect(before.failCounts.length + before.failedActions.length).toBeGreaterThan(0);
    const cleanup = await hactl('cleanup', ...lab, 'hello');
    expect(cleanup.exitCode).toBe(0);
    expect(cleanup.stdout).toMatch(/crm resource cleanup hello/);
    const after = await eventually(status, (s) => s.failCounts.length === 0 && s.failedActions.length === 0);
    expect(after.failCounts).toEqual([]);
    expect(after.failedActions).toEqual([]);
    expect(await crmMon()).not.toMatch(/<failure /);
  });

  it('refuses unknown groups and nodes with the names it knows', async () => {
    const move = await hactl('move', ...lab, 'nope', 'pm2');
    expect(move.exitCode).not.toBe(0);
    expect(move.stderr).toMatch(/no group or resource named "nope" \(known: web\)/);
    const standby = await hactl('standby', ...lab, 'pm9');
    expect(standby.exitCode).not.toBe(0);
    expect(standby.stderr).toMatch(/no node named "pm9" \(nodes: pm1, pm2\)/);
  });

  it('goes down leaving no namespace, mount or process of the lab', async () => {
    await expectDownLeavesNothing(STACK, LAB);
  });
});
