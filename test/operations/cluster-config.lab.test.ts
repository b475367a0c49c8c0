import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';

// apply on a running Pacemaker cluster: the crm configuration is diffed against the live CIB, loaded once, and a
// second plan finds nothing left to load (seed 004's stack, renamed so it never meets the seed's own lab).
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'corosync', 'pacemakerd', 'crm', 'crm_attribute'] });
const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, timeout: 150_000 });

describe.skipIf(skip)('the cluster configuration on a running Pacemaker cluster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hactl-cfgload-'));
  const seed = readFileSync('stacks/004-job-corosync-pacemaker.yaml', 'utf8').replace(/^cluster: job$/m, 'cluster: cfgload').replace(/^# yaml-language-server.*\n/, '');
  const stack = join(dir, 'cfgload.yaml');
  const changed = join(dir, 'cfgload-changed.yaml');
  const query = (name: string) => hactl('lab', 'exec', stack, 'node1', '--', 'crm_attribute', '--type', 'crm_config', '--name', name, '--query', '--quiet');

  beforeAll(async () => {
    writeFileSync(stack, seed);
    writeFileSync(changed, seed.replace(/^properties:\n/m, 'properties:\n  cluster-recheck-interval: 7min\n'));
    const up = await hactl('up', stack);
    if (up.exitCode !== 0) throw new Error(`hactl up failed:\n${up.stdout}\n${up.stderr}`);
  });
  afterAll(async () => {
    await hactl('down', stack);
    rmSync(dir, { recursive: true, force: true });
  });

  it('plan shows loading the changed property as one step, naming the node it asks', async () => {
    const plan = await hactl('plan', changed);
    expect(plan.exitCode).toBe(0);
    expect(plan.stderr).not.toMatch(/ error:/);
    expect(plan.stdout).toMatch(/cluster configuration, via node\d: ~ load \(\d+ changes?\)/);
    expect(plan.stdout).toMatch(/cluster-recheck-interval/);
    expect((await query('cluster-recheck-interval')).stdout.trim()).not.toBe('7min');
  });

  it('apply loads it into the live CIB, and the next plan finds it unchanged', async () => {
    const apply = await hactl('apply', changed);
    expect(apply.exitCode).toBe(0);
    expect((await query('cluster-recheck-interval')).stdout.trim()).toBe('7min');
    const again = await hactl('plan', changed);
    expect(again.stdout).toMatch(/cluster configuration, via node\d: unchanged/);
    expect(again.exitCode).toBe(0);
  });
});
