import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLab, destroyLab, type Lab } from '../../src/netns/index.js';
import { missing } from '../support/env.js';

const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare'] });
const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const STEPS = join(ROOT, 'test', 'agent', 'support', 'ipaddr2-steps.ts');
const NAME = 'tipaddr2';
const VIP = '172.28.0.10';

describe.skipIf(skip)('IPaddr2 driver on a lab node', () => {
  let lab: Lab;
  beforeAll(async () => {
    await destroyLab(NAME);
    lab = await createLab({
      name: NAME,
      networks: [{ name: 'svc', cidr: '172.28.0.0/24' }],
      nodes: [{ name: 'n1', nics: [{ name: 'eth0', network: 'svc', address: '172.28.0.11/24' }] }],
    });
  });
  afterAll(async () => {
    await (lab ? lab.destroy() : destroyLab(NAME));
  });

  it('answers a healthy monitor without running ip, and asks ip when the NIC is down or the address is gone', async () => {
    const r = await lab.exec('n1', [process.execPath, '--import', TSX, STEPS, VIP, 'eth0']);
    expect(r.exitCode, r.stderr).toBe(0);
    const steps = Object.fromEntries(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { step: string; value: unknown }).map((s) => [s.step, s.value]));
    expect(steps['after-start']).toEqual({ state: 'running' });
    expect(steps['healthy-without-ip']).toEqual({ state: 'running' });
    // an admin-down NIC still holds the address: the resource is running, the carrier monitor handles the link
    expect(steps['nic-down']).toEqual({ state: 'running' });
    expect(steps['deleted']).toMatchObject({ state: 'stopped', detail: `${VIP}/24 not on eth0` });
    expect(steps['after-stop']).toMatchObject({ state: 'stopped' });
  });
});
