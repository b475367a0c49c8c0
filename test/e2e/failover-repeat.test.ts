import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';

// `hactl test failover` restores the failed node and waits until the cluster has settled: run after run must measure.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'nft', 'keepalived'] });
const env = { HACTL_VRRP_PASS: '1111' };
const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env, timeout: 180_000 });

const QUICKSTART = 'stacks/quickstart.yaml';
const VRRP = 'stacks/002-vrrp-keepalived.yaml';

async function failoverRuns(stack: string, fault: 'kill' | 'link', times: number): Promise<string[]> {
  const lines: string[] = [];
  for (let i = 0; i < times; i++) {
    const run = await hactl('test', 'failover', stack, '--fault', fault, '--timeout', '30');
    lines.push(`${run.exitCode}: ${run.stdout.trim()}${run.stderr.replace(/^.*\[vrrp-many-vips\]$/gm, '').trim()}`);
  }
  return lines;
}

const measured = (fault: string) => new RegExp(`^0: \\S+ \\(\\S+\\): ${fault} on (\\S+) -> answered from (?!\\1)\\S+ after \\d+ ms$`);

describe.skipIf(skip)('hactl test failover, run after run', () => {
  afterAll(async () => {
    await hactl('down', QUICKSTART);
    await hactl('down', VRRP);
  });

  it('measures the quickstart five times in a row for a killed agent, then three times for a cut link', async () => {
    expect((await hactl('up', QUICKSTART)).exitCode).toBe(0);
    const kills = await failoverRuns(QUICKSTART, 'kill', 5);
    for (const line of kills) expect(line).toMatch(measured('kill'));
    const links = await failoverRuns(QUICKSTART, 'link', 3);
    for (const line of links) expect(line).toMatch(measured('link'));
  });

  it('refuses to start a second agent on a node whose agent runs', async () => {
    const restart = await hactl('chaos', QUICKSTART, 'restart-node', 'qs1');
    expect(restart.exitCode).toBe(1);
    expect(restart.stderr).toMatch(/agent already runs on qs1/);
  });

  it('measures the keepalived pair three times for a killed MASTER and twice for a cut link, the MASTER back each time', async () => {
    expect((await hactl('up', VRRP)).exitCode).toBe(0);
    const kills = await failoverRuns(VRRP, 'kill', 3);
    for (const line of kills) expect(line).toMatch(/^0: VI_1 \(192\.168\.1\.10\): kill on lb1 -> answered from lb2 after \d+ ms$/);
    const links = await failoverRuns(VRRP, 'link', 2);
    for (const line of links) expect(line).toMatch(/^0: VI_1 \(192\.168\.1\.10\): link on lb1 -> answered from lb2 after \d+ ms$/);
  });
});
