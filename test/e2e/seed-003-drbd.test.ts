import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hactl, labNamespaces } from '../support/seed-lab.js';

// Seed 003 mirrors a disk with DRBD: a kernel block device that network namespaces (sharing this host's kernel, with
// no disks of their own) cannot give. The lab refuses it up front and names the provider that can.
describe('seed 003: DRBD on the lab', () => {
  it('refuses with one error line pointing to --provider vagrant, exits non-zero and creates nothing', async () => {
    const up = await hactl('up', 'stacks/003-drbd-heartbeat-crm.yaml');
    expect(up.exitCode).toBe(1);
    const errors = up.stderr.split('\n').filter((l) => l.startsWith('hactl:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/--provider vagrant \[lab-drbd-refused\]$/);
    expect(labNamespaces('drbd')).toEqual([]);
    expect(existsSync('/run/hactl/lab/drbd')).toBe(false);
  });
});
