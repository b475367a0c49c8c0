import { describe, expect, it } from 'vitest';
import { agentStack, corosyncStack, drbdStack, heartbeatStack, keepalivedStack, lint, pacemakerStack } from './stacks.js';

const codes = async (stack: Parameters<typeof lint>[0]) => (await lint(stack)).map((d) => `${d.code} at ${d.path}`);

describe('the base stacks every lint test starts from', () => {
  it.each([
    ['heartbeat v1 (seed 000)', heartbeatStack],
    ['pacemaker on heartbeat (seed 001)', pacemakerStack],
    ['keepalived (seed 002)', keepalivedStack],
    ['the agent (quickstart)', agentStack],
  ])('finds nothing wrong with %s', async (_, stack) => {
    expect(await codes(stack())).toEqual([]);
  });

  it('only warns that STONITH is off on the DRBD stack (seed 003)', async () => {
    expect(await codes(drbdStack())).toEqual(['stonith-shared-data at properties.stonith-enabled']);
  });

  it('only warns about the single corosync ring (seed 004)', async () => {
    expect(await codes(corosyncStack())).toEqual(['single-interconnect at corosync.interconnect']);
  });
});
