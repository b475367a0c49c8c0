import { describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../../src/runtime/status.js';
import { missing } from '../support/env.js';
import { clientGets, eventually, expectDownLeavesNothing, expectThreeFailovers, hactl, onNode, sharedLab } from '../support/lab-cli.js';
import { expectSameFacts } from '../support/status-facts.js';

// The bundled agent in two lab nodes, driven only through the built CLI from the host; each verb is checked from the
// client's side and from the agent's own (its control socket, asked on the node with the node's hactl status).
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'curl'] });

const STACK = 'test/runtime/fixtures/stacks/ag-web.yaml';
const LAB = 't-agent';
const URL = 'http://10.216.0.100:8080/';
const lab = ['--lab', STACK];

const client = () => clientGets(STACK, URL);
const clientSees = (node: string) => eventually(client, (who) => who === node);
const status = async (): Promise<ClusterStatus> => JSON.parse((await hactl('status', ...lab, '--json')).stdout) as ClusterStatus;
/** the agent's own answer on a node, through its control socket */
const agentSays = async (node: string) => (await onNode(STACK, node, `${process.execPath} ${process.cwd()}/dist/cli/hactl.js status`)).stdout;

describe.skipIf(skip)('the bundled agent on the lab, driven by hactl', () => {
  const upResult = sharedLab(STACK);

  it('comes up with the web group on the preferred node, and the client reaches the VIP there', async () => {
    const up = upResult();
    expect(up.stderr).not.toMatch(/^hactl: /m);
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toMatch(/cluster t-agent is up on lab t-agent \(agent\) in [\d.]+ s/);
    expect(up.stdout).toMatch(/web\s+10\.216\.0\.100\s+on ag1/);
    expect(await client()).toBe('ag1');
  });

  it("prints the same facts as text and as JSON, and they are the agent's own", async () => {
    const [text, json] = [(await hactl('status', ...lab)).stdout, await status()];
    expectSameFacts(text, json);
    expect(json).toMatchObject({ cluster: 't-agent', runtime: 'agent', reportedBy: ['ag1', 'ag2'], warnings: [] });
    expect(json.nodes.map((n) => [n.name, n.state])).toEqual([['ag1', 'online'], ['ag2', 'online']]);
    expect(json.groups.find((g) => g.name === 'web')?.runningOn).toEqual(['ag1']);
    expect(await agentSays('ag2')).toMatch(/web.*ag1/);
  });

  it('standby moves web off the node and keeps it off; online lets it run groups again', async () => {
    expect((await hactl('standby', ...lab, 'ag1')).exitCode).toBe(0);
    expect(await clientSees('ag2')).toBe('ag2');
    expect((await eventually(status, (s) => s.nodes[0]?.state === 'standby')).nodes[0]?.state).toBe('standby');
    expect((await hactl('online', ...lab, 'ag1')).exitCode).toBe(0);
    expect((await eventually(status, (s) => s.nodes[0]?.state === 'online')).nodes[0]?.state).toBe('online');
  });

  it('move pins web to a node (a member name moves its group), unmove drops the pin', async () => {
    const move = await hactl('move', ...lab, 'hello', 'ag1');
    expect(move.exitCode).toBe(0);
    expect(await clientSees('ag1')).toBe('ag1');
    const moved = await hactl('move', ...lab, 'web', 'ag2');
    expect(moved.exitCode).toBe(0);
    expect(await clientSees('ag2')).toBe('ag2');
    expect((await hactl('unmove', ...lab, 'web')).exitCode).toBe(0);
    // no failback in this stack: web stays where it runs once the pin is gone
    expect(await client()).toBe('ag2');
  });

  it('stop keeps web stopped everywhere, start runs it again; is-active exits 0 only where it runs', async () => {
    expect((await hactl('stop', ...lab, 'web')).exitCode).toBe(0);
    expect(await eventually(client, (who) => who === '')).toBe('');
    const stopped = await eventually(status, (s) => s.groups[0]?.runningOn.length === 0);
    expect(stopped.groups[0]).toMatchObject({ name: 'web', runningOn: [] });
    expect((await hactl('is-active', ...lab, 'web', '--node', 'ag1')).exitCode).toBe(1);
    expect((await hactl('is-active', ...lab, 'web', '--node', 'ag2')).exitCode).toBe(1);

    expect((await hactl('start', ...lab, 'web')).exitCode).toBe(0);
    const who = await eventually(client, (w) => w === 'ag1' || w === 'ag2');
    expect(['ag1', 'ag2']).toContain(who);
    expect((await hactl('is-active', ...lab, 'web', '--node', who)).exitCode).toBe(0);
    expect((await hactl('is-active', ...lab, 'web', '--node', who === 'ag1' ? 'ag2' : 'ag1')).exitCode).toBe(1);
  });

  it('measures a failover three times in a row for a killed agent, a cut link and a killed service', async () => {
    for (const fault of ['kill', 'link', 'service']) await expectThreeFailovers(STACK, fault, /web \(10\.216\.0\.100\): /, /ag[12]/);
  });

  it('cleanup forgets the fail-counts the killed services left', async () => {
    expect((await status()).failCounts.length).toBeGreaterThan(0);
    const cleanup = await hactl('cleanup', ...lab, 'hello');
    expect(cleanup.exitCode).toBe(0);
    const after = await eventually(status, (s) => s.failCounts.length === 0 && s.failedActions.length === 0);
    expect(after.failCounts).toEqual([]);
    expect(after.failedActions).toEqual([]);
  });

  it('goes down leaving no namespace, mount or process of the lab', async () => {
    await expectDownLeavesNothing(STACK, LAB);
  });
});
