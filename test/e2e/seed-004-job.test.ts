import { afterAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';
import { hactl, inLab, labNamespaces, until } from '../support/seed-lab.js';

// Seed 004 (a periodic job as lsb:hoge driven by op monitor, Corosync + Pacemaker retargeted to Corosync 3), operated
// as its guide does: a failing job, node standby, and the split brain made with iptables dropping UDP.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'corosync', 'pacemakerd', 'crm_mon', 'iptables'] });
const STACK = 'stacks/004-job-corosync-pacemaker.yaml';
const NODES = ['node1', 'node2'];

/** The job's record on a node: its start line and one line per monitor run ([] when it does not run there). */
const jobLines = async (node: string) => (await inLab(STACK, node, 'cat /tmp/test 2>/dev/null')).out.split('\n').filter(Boolean);
/** The nodes whose job ran in the last `seconds` (a monitor every 10 s appends a line). */
async function jobRunningOn(seconds = 12): Promise<string[]> {
  const out: string[] = [];
  for (const node of NODES) {
    const r = await inLab(STACK, node, `test -n "$(find /tmp/test -newermt '-${seconds} seconds' 2>/dev/null)" && echo yes`);
    if (r.out === 'yes') out.push(node);
  }
  return out;
}
const crmMon = async (node: string) => (await inLab(STACK, node, 'crm_mon -1 -r -f')).out;
const status = async () => (await hactl('status', '--stack', STACK)).stdout;

describe.skipIf(skip)('seed 004: a periodic job on Corosync + Pacemaker', () => {
  afterAll(async () => {
    await hactl('chaos', STACK, 'heal-udp', 'node2');
    await hactl('down', STACK);
    expect(labNamespaces('job')).toEqual([]);
  });

  it('comes up on Corosync 3 with lsb:hoge started on one node, whose monitor runs the job every 10 s', async () => {
    const up = await hactl('up', STACK);
    expect(up.exitCode, up.stderr).toBe(0);
    console.log(`${STACK}: ${(up.stdout + up.stderr).split('\n').find((l) => / is up/.test(l))}`);
    expect(up.stdout + up.stderr).toMatch(/translated: .*corosync 3|translated: .*Corosync 3|translated: .*→ 3/);
    expect(await inLab(STACK, 'node1', 'crm configure show hoge')).toMatchObject({ out: expect.stringMatching(/primitive hoge lsb:hoge[\s\S]*op monitor interval=10s timeout=60s on-fail=restart/) });
    const first = await until(() => jobLines('node1'), (l) => l.filter((x) => x.endsWith(' run')).length >= 1, 25_000);
    expect(first.value[0]).toMatch(/ start$/);
    expect(await jobLines('node2')).toEqual([]);
    expect(await crmMon('node1')).toMatch(/hoge\s+\(lsb:hoge\):\s+Started node1/);
    expect(await status()).toMatch(/hoge.*node1/);
  });

  it('restarts the job in place when it dies (monitor fails, on-fail=restart), and cleanup forgets the failure', async () => {
    expect((await inLab(STACK, 'node1', 'rm -f /tmp/test')).code).toBe(0);
    const restarted = await until(() => jobLines('node1'), (l) => l.length > 0 && l[0]!.endsWith(' start'), 30_000, 1000);
    console.log(`seed 004: job killed on node1 -> restarted by the monitor after ${restarted.ms} ms`);
    expect(restarted.value[0]).toMatch(/ start$/);
    expect(await jobLines('node2')).toEqual([]);
    const mon = await crmMon('node1');
    expect(mon).toMatch(/hoge: migration-threshold=\S+ fail-count=1/);
    expect(await status()).toMatch(/fail-count|failed/i);
    expect((await hactl('cleanup', '--stack', STACK, 'hoge')).exitCode).toBe(0);
    expect(await crmMon('node1')).not.toMatch(/fail-count=1/);
  });

  it('runs the job on node2 once node1 is in standby, and lets node1 take part again when online', async () => {
    expect((await hactl('standby', '--stack', STACK, 'node1')).exitCode).toBe(0);
    const moved = await until(() => jobLines('node2'), (l) => l.some((x) => x.endsWith(' run')), 40_000, 1000);
    console.log(`seed 004: standby node1 -> job ran on node2 after ${moved.ms} ms`);
    expect(await jobLines('node1')).toEqual([]); // op stop removed the record
    expect(await crmMon('node2')).toMatch(/Node node1: standby/);
    expect(await status()).toMatch(/node1\s+standby/);
    expect((await hactl('online', '--stack', STACK, 'node1')).exitCode).toBe(0);
    expect(await crmMon('node2')).not.toMatch(/standby/);
  });

  it('runs the job on both nodes when UDP is dropped on node2 (no quorum policy ignore, no STONITH), and status says split brain', async () => {
    const before = await until(() => jobRunningOn(), (on) => on.length === 1, 30_000, 2000);
    expect(before.value).toHaveLength(1);
    const part = await hactl('chaos', STACK, 'partition-udp', 'node2');
    expect(part.exitCode, part.stderr).toBe(0);
    const both = await until(() => jobRunningOn(), (on) => on.length === 2, 60_000, 2000);
    console.log(`seed 004: UDP dropped on node2 -> the job runs on both nodes after ${both.ms} ms`);
    expect(both.value).toEqual(NODES);
    const split = await until(status, (s) => /split brain/i.test(s), 30_000, 2000);
    expect(split.value).toMatch(/split brain/i);
    expect(split.value).toMatch(/hoge.*(both|node1.*node2)/i);
    expect(await crmMon('node1')).toMatch(/hoge\s+\(lsb:hoge\):\s+Started node1/);
    expect(await crmMon('node2')).toMatch(/hoge\s+\(lsb:hoge\):\s+Started node2/);
  });

  it('returns to one job once the partition heals', async () => {
    expect((await hactl('chaos', STACK, 'heal-udp', 'node2')).exitCode).toBe(0);
    const healed = await until(() => jobRunningOn(), (on) => on.length === 1, 90_000, 3000);
    console.log(`seed 004: healed -> one job again after ${healed.ms} ms, on ${healed.value.join(', ')}`);
    expect(healed.value).toHaveLength(1);
    expect(await status()).not.toMatch(/split brain/i);
  });

  it('goes down without leaving a namespace behind', async () => {
    expect((await hactl('down', STACK)).exitCode).toBe(0);
    expect(labNamespaces('job')).toEqual([]);
  });
});
