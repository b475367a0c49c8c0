import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';

// The drift gate on a lab: nodes without `ssh:` are reached inside the lab once `hactl up` built it.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'nft', 'iptables-restore'] });
const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, timeout: 120_000 });
const STACK = 'stacks/quickstart.yaml';

describe.skipIf(skip)('hactl plan and apply on a lab-up stack', () => {
  afterAll(async () => {
    await hactl('down', STACK);
  });

  it('finds no drift right after up', async () => {
    expect((await hactl('up', STACK)).exitCode).toBe(0);
    const plan = await hactl('plan', '--expect-no-changes', STACK);
    expect(plan.stderr).toBe('');
    expect(plan.exitCode).toBe(0);
    expect(plan.stdout).toMatch(/qs1 \(lab:quickstart\/qs1\)/);
    expect(plan.stdout).toMatch(/No changes: 6 files match on 2 targets/);
  });

  it('shows a file changed inside a node as drift and exits 1', async () => {
    const edit = await hactl('lab', 'exec', STACK, 'qs1', '--', 'sh', '-c', 'echo "# edited by hand" >> /etc/iptables/rules.v4; chmod 0644 /etc/hactl/agent.json');
    expect(edit.exitCode).toBe(0);
    const plan = await hactl('plan', '--expect-no-changes', STACK);
    expect(plan.exitCode).toBe(1);
    expect(plan.stdout).toMatch(/^ {6}-# edited by hand$/m);
    expect(plan.stdout).toMatch(/\/etc\/hactl\/agent\.json {2}update \(mode\)/);
    expect(plan.stdout).toMatch(/qs2 \(lab:quickstart\/qs2\)\n {2}3 files unchanged/);
  });

  it('refuses to install packages through the lab: its nodes run the host own programs', async () => {
    const install = await hactl('apply', '--install-packages', STACK);
    expect(install.exitCode).toBe(1);
    expect(install.stderr).toMatch(/qs1, qs2 run on the lab, which uses this host's packages/);
    expect((await hactl('plan', '--expect-no-changes', STACK)).exitCode).toBe(1);
  });

  it('puts the files back with apply, restarting the agent the lab way, and the drift is gone', async () => {
    const apply = await hactl('apply', STACK);
    expect(apply.exitCode, apply.stderr).toBe(0);
    expect(apply.stdout + apply.stderr).toMatch(/\[qs1\] restarted hactl-agent/);
    expect((await hactl('plan', '--expect-no-changes', STACK)).exitCode).toBe(0);
    const inNode = await hactl('lab', 'exec', STACK, 'qs1', '--', 'sh', '-c', 'tail -n1 /etc/iptables/rules.v4; stat -c %a /etc/hactl/agent.json');
    expect(inNode.stdout).toBe('COMMIT\n600');
    // the restarted agent is the one the lab tracks: a failover from the cluster it rejoined still measures
    const failover = await hactl('test', 'failover', STACK, '--fault', 'kill', '--timeout', '30');
    expect(failover.stdout).toMatch(/kill on qs\d -> answered from qs\d after \d+ ms/);
  });
});
