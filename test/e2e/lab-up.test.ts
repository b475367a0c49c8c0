import { existsSync, readdirSync } from 'node:fs';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';

// The README's main job, end to end through the built CLI: up, reach the VIP from the client, fail over, down.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'nft', 'keepalived', 'arping'] });
const env = { HACTL_VRRP_PASS: '1111' };
const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env, timeout: 120_000 });

const labNamespaces = (lab: string) => (existsSync('/run/netns') ? readdirSync('/run/netns').filter((n) => n.startsWith(`hactl-${lab}.`)) : []);

async function clientGets(stack: string, url: string): Promise<string> {
  const r = await hactl('lab', 'exec', stack, 'client', '--', 'node', '-e', `fetch(${JSON.stringify(url)}).then(r => r.text()).then(t => process.stdout.write(t), () => process.exit(3))`);
  return r.exitCode === 0 ? r.stdout.trim() : '';
}

describe.skipIf(skip)('hactl up on the network-namespace lab', () => {
  afterAll(async () => {
    await hactl('down', 'stacks/quickstart-ssh.yaml');
    await hactl('down', 'stacks/quickstart.yaml');
    await hactl('down', 'stacks/002-vrrp-keepalived.yaml');
  });

  it('brings up the quickstart: the client reaches the hello service on the VIP from the preferred node', async () => {
    const up = await hactl('up', 'stacks/quickstart.yaml');
    expect(up.stderr + up.stdout).toMatch(/cluster quickstart is up/);
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toMatch(/web\s+10\.201\.0\.100\s+on qs1/);
    expect(await clientGets('stacks/quickstart.yaml', 'http://10.201.0.100:8080/')).toBe('qs1');
  });

  it('measures a failover of the quickstart and the client then reaches qs2', async () => {
    const test = await hactl('test', 'failover', 'stacks/quickstart.yaml', '--fault', 'kill', '--timeout', '30');
    expect(test.stderr).toBe('');
    expect(test.stdout).toMatch(/kill on qs1 -> answered from qs2 after \d+ ms/);
    expect(await clientGets('stacks/quickstart.yaml', 'http://10.201.0.100:8080/')).toBe('qs2');
  });

  it('takes the quickstart down without leaving a namespace or process, and a second down is harmless', async () => {
    expect((await hactl('down', 'stacks/quickstart.yaml')).stdout).toMatch(/lab quickstart removed/);
    expect(labNamespaces('quickstart')).toEqual([]);
    expect(existsSync('/run/hactl/lab/quickstart')).toBe(false);
    const again = await hactl('down', 'stacks/quickstart.yaml');
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/was not running/);
  });

  it('brings up the seed 002 keepalived pair and fails the VIP over to the BACKUP when the MASTER dies', async () => {
    const up = await hactl('up', 'stacks/002-vrrp-keepalived.yaml');
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toMatch(/VI_1\s+192\.168\.1\.10\s+on lb1/);
    const test = await hactl('test', 'failover', 'stacks/002-vrrp-keepalived.yaml', '--fault', 'kill', '--timeout', '30');
    expect(test.stdout).toMatch(/kill on lb1 -> answered from lb2 after \d+ ms/);
    expect((await hactl('down', 'stacks/002-vrrp-keepalived.yaml')).exitCode).toBe(0);
    expect(labNamespaces('vrrp')).toEqual([]);
  });

  it('pushes a stack whose nodes have ssh: through a real sshd per node, then runs it', async () => {
    const up = await hactl('up', 'stacks/quickstart-ssh.yaml');
    expect(up.exitCode).toBe(0);
    expect(up.stderr).toMatch(/qs1: \d+ files applied over SSH/);
    expect(up.stderr).toMatch(/qs2: \d+ files applied over SSH/);
    expect(await clientGets('stacks/quickstart-ssh.yaml', 'http://10.202.0.100:8080/')).toBe('qs1');
    expect((await hactl('down', 'stacks/quickstart-ssh.yaml')).exitCode).toBe(0);
    expect(labNamespaces('quickstart-ssh')).toEqual([]);
  });
});
