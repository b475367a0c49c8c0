import { existsSync, readdirSync, rmSync } from 'node:fs';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { destroyLab, LAB_BASE_DIR, type LabSummary } from '../../src/netns/index.js';
import { isRunning, processStartTime } from '../../src/netns/proc.js';
import { missing } from '../support/env.js';
import { abandonLab } from './abandon-lab.js';
import { LAB_TOOLS } from './two-node-spec.js';

const skip = missing({ root: true, tools: [...LAB_TOOLS, 'sshd', 'ssh-keygen'] });

const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, timeout: 60_000 });
// a killed daemon whose parent is gone may stay a zombie for a moment: it holds nothing, so it counts as gone
const runningNow = (pids: number[]) => pids.map((pid) => ({ pid, startTime: processStartTime(pid) ?? 'gone' }));
const labNetns = (name: string): string[] =>
  (existsSync('/run/netns') ? readdirSync('/run/netns') : []).filter((n) => n.startsWith(`hactl-${name}.`));

async function listed(name: string): Promise<LabSummary | undefined> {
  const ls = await hactl('lab', 'ls', '--json');
  expect(ls.exitCode, ls.stderr).toBe(0);
  return (JSON.parse(ls.stdout) as LabSummary[]).find((l) => l.name === name);
}

describe.skipIf(skip)('hactl lab ls and lab rm', () => {
  const names = ['tlsgone', 'tlsorphan'];
  afterEach(async () => {
    for (const name of names) await destroyLab(name);
  });

  it('lists a lab whose creator was killed, with its nodes, processes and namespaces, and removes it', async () => {
    const pids = await abandonLab('tlsgone');
    const daemons = runningNow(pids);
    const lab = await listed('tlsgone');
    expect(lab).toMatchObject({ state: 'intact', nodes: ['n1', 'n2'], clients: ['client'], orphaned: false });
    expect(lab!.netns).toHaveLength(5);
    expect(lab!.processes).toEqual(expect.arrayContaining(pids));
    expect((await hactl('lab', 'ls')).stdout).toMatch(/^tlsgone\s+intact\s+\S+\s+n1,n2\s+\d+\s+5$/m);

    const rm = await hactl('lab', 'rm', 'tlsgone');
    expect(rm.exitCode, rm.stderr).toBe(0);
    expect(rm.stdout).toMatch(/lab tlsgone removed/);
    expect(labNetns('tlsgone')).toEqual([]);
    expect(existsSync(`${LAB_BASE_DIR}/tlsgone`)).toBe(false);
    for (const daemon of daemons) expect(isRunning(daemon)).toBe(false);
    expect(await listed('tlsgone')).toBeUndefined();

    const again = await hactl('lab', 'rm', 'tlsgone');
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/nothing left to remove/);
  });

  it('lists namespaces whose state file is gone as an orphaned lab, and removes them by the reserved prefix', async () => {
    const pids = await abandonLab('tlsorphan');
    const daemons = runningNow(pids);
    rmSync(`${LAB_BASE_DIR}/tlsorphan/state.json`);
    const lab = await listed('tlsorphan');
    expect(lab).toMatchObject({ state: 'missing', nodes: [], orphaned: true });
    expect(lab!.netns).toHaveLength(5);
    expect(lab!.processes).toEqual(expect.arrayContaining(pids));
    expect((await hactl('lab', 'ls')).stdout).toMatch(/^tlsorphan\s+missing \(orphaned\)/m);

    expect((await hactl('lab', 'rm', 'tlsorphan')).exitCode).toBe(0);
    expect(labNetns('tlsorphan')).toEqual([]);
    for (const daemon of daemons) expect(isRunning(daemon)).toBe(false);
    expect(await listed('tlsorphan')).toBeUndefined();
  });

  it('refuses names together with --all, and a name that is not a lab name', async () => {
    expect((await hactl('lab', 'rm', 'tlsgone', '--all')).exitCode).toBe(1);
    const bad = await hactl('lab', 'rm', '../etc');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/lab-spec-invalid/);
  });
});
