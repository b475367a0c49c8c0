import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStack } from '../../src/load/load-stack.js';
import { longestStartMs } from '../../src/operations/up.js';

const stack = async (name: string) => (await loadStack(join(import.meta.dirname, '..', '..', 'stacks', name))).model!;

describe('how long `hactl up` waits for a steady cluster', () => {
  it("waits at least as long as the slowest group's members may take to start, one after another", async () => {
    // seed 001: webapp's Tomcat has 90 s to start; its VIP has no start timeout of its own
    expect(longestStartMs(await stack('001-web-pacemaker-heartbeat.yaml'))).toBe(90_000);
    // on emulated VMs Tomcat gets 600 s: more than up's 300 s for Vagrant, which then waits for it
    expect(longestStartMs(await stack('vagrant-web.yaml'))).toBe(600_000);
  });

  it('adds nothing for stacks without start timeouts', async () => {
    expect(longestStartMs(await stack('vagrant-keepalived.yaml'))).toBe(0);
  });
});
