import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLab, destroyLab, type Lab } from '../../src/netns/index.js';
import { missing } from '../support/env.js';
import { LAB_TOOLS, twoNodeSpec } from './two-node-spec.js';

const skip = missing({ root: true, tools: LAB_TOOLS });
const NAME = 'tnet';

describe.skipIf(skip)('lab network', () => {
  let lab: Lab;
  const reaches = async (from: string, address: string): Promise<boolean> =>
    (await lab.exec(from, ['ping', '-n', '-q', '-c', '1', '-W', '1', address])).exitCode === 0;

  beforeAll(async () => {
    lab = await createLab(twoNodeSpec(NAME));
  });
  afterAll(async () => {
    await (lab ? lab.destroy() : destroyLab(NAME));
  });

  it('lets the client ping both nodes on the service network', async () => {
    expect(await reaches('client', lab.addressOf('n1', 'service'))).toBe(true);
    expect(await reaches('client', lab.addressOf('n2', 'service'))).toBe(true);
  });

  it('answers ping from a gateway address, as a heartbeat ping node', async () => {
    expect(await reaches('n1', '172.16.0.1')).toBe(true);
    expect(await reaches('n2', '172.16.0.1')).toBe(true);
  });

  it('keeps the interconnect separate from the service network', async () => {
    expect(await reaches('n1', lab.addressOf('n2', 'hb'))).toBe(true);
    expect(await reaches('client', lab.addressOf('n2', 'hb'))).toBe(false);
  });

  it("gives members no route to the host's own addresses", async () => {
    const hostAddresses = (JSON.parse(execFileSync('ip', ['-j', '-4', 'address', 'show'], { encoding: 'utf8' })) as { ifname: string; addr_info: { local: string }[] }[])
      .filter((l) => l.ifname !== 'lo')
      .flatMap((l) => l.addr_info.map((a) => a.local));
    expect(hostAddresses.length).toBeGreaterThan(0);
    for (const address of hostAddresses) {
      const route = await lab.exec('n1', ['ip', 'route', 'get', address]);
      expect(route.exitCode, `route to host address ${address}`).not.toBe(0);
      expect(await reaches('client', address)).toBe(false);
    }
  });

  it('disables IPv6 inside the lab', async () => {
    const { stdout } = await lab.exec('n1', ['cat', '/proc/sys/net/ipv6/conf/all/disable_ipv6']);
    expect(stdout.trim()).toBe('1');
    expect((await lab.exec('n1', ['ip', '-6', 'address', 'show'])).stdout.trim()).toBe('');
  });

  it("breaks only that path when one node's interconnect NIC goes down", async () => {
    await lab.setLink('n1', 'eth1', 'down');
    try {
      expect(await reaches('n2', lab.addressOf('n1', 'hb'))).toBe(false);
      expect(await reaches('n2', lab.addressOf('n1', 'service'))).toBe(true);
      expect(await reaches('client', lab.addressOf('n1', 'service'))).toBe(true);
    } finally {
      await lab.setLink('n1', 'eth1', 'up');
    }
    expect(await reaches('n2', lab.addressOf('n1', 'hb'))).toBe(true);
  });

  it('pulls the cable at the switch: the NIC stays up but loses carrier', async () => {
    await lab.setLink('n2', 'eth1', 'down', { at: 'switch' });
    try {
      const { stdout } = await lab.exec('n2', ['ip', '-br', 'link', 'show', 'eth1']);
      expect(stdout).toContain('NO-CARRIER');
      expect(await reaches('n1', lab.addressOf('n2', 'hb'))).toBe(false);
    } finally {
      await lab.setLink('n2', 'eth1', 'up', { at: 'switch' });
    }
    await expect.poll(() => reaches('n1', lab.addressOf('n2', 'hb')), { timeout: 5_000 }).toBe(true);
  });

  it('partitions the nodes on every network and heals', async () => {
    await lab.partition([['n1'], ['n2']]);
    try {
      expect(await reaches('n1', lab.addressOf('n2', 'hb'))).toBe(false);
      expect(await reaches('n1', lab.addressOf('n2', 'service'))).toBe(false);
      expect(await reaches('client', lab.addressOf('n1', 'service'))).toBe(true);
      expect(await reaches('client', lab.addressOf('n2', 'service'))).toBe(true);
    } finally {
      await lab.heal();
    }
    expect(await reaches('n1', lab.addressOf('n2', 'hb'))).toBe(true);
    expect(await reaches('n1', lab.addressOf('n2', 'service'))).toBe(true);
  });

  it('partitions a single network and puts the client on one side', async () => {
    await lab.partition([['n1'], ['n2']], { networks: ['hb'] });
    expect(await reaches('n1', lab.addressOf('n2', 'hb'))).toBe(false);
    expect(await reaches('n1', lab.addressOf('n2', 'service'))).toBe(true);
    await lab.partition([['n1', 'client'], ['n2']]);
    expect(await reaches('client', lab.addressOf('n1', 'service'))).toBe(true);
    expect(await reaches('client', lab.addressOf('n2', 'service'))).toBe(false);
    await lab.heal();
    await lab.heal();
    expect(await reaches('client', lab.addressOf('n2', 'service'))).toBe(true);
  });

  it('shows a VIP added inside a node in its live addresses and on the wire', async () => {
    const vip = '172.16.0.50';
    expect((await lab.exec('n1', ['ip', 'address', 'add', `${vip}/24`, 'dev', 'eth0'])).exitCode).toBe(0);
    expect(await lab.addresses('n1')).toContainEqual({ nic: 'eth0', address: vip, prefix: 24 });
    expect(await reaches('client', vip)).toBe(true);
    await lab.exec('n1', ['ip', 'address', 'del', `${vip}/24`, 'dev', 'eth0']);
    expect((await lab.addresses('n1')).map((a) => a.address)).toEqual(['172.16.0.11', '10.10.0.1']);
  });
});
