import { describe, expect, it } from 'vitest';
import { agentStack, corosyncStack, heartbeatStack, keepalivedStack, pacemakerStack, pathsOf, severityOf } from './stacks.js';

describe('sections a runtime needs', () => {
  it('rejects pacemaker without a pacemaker section', async () => {
    const stack = pacemakerStack();
    delete stack.pacemaker;
    expect(await pathsOf(stack, 'runtime-section-missing')).toEqual(['pacemaker']);
  });

  it('rejects pacemaker without the messaging layer it names', async () => {
    const heartbeat = pacemakerStack();
    delete heartbeat.heartbeat;
    expect(await pathsOf(heartbeat, 'runtime-section-missing')).toEqual(['heartbeat']);
    const corosync = corosyncStack();
    delete corosync.corosync;
    expect(await pathsOf(corosync, 'runtime-section-missing')).toEqual(['corosync']);
  });

  it('rejects heartbeat and the agent without a heartbeat section', async () => {
    const heartbeat = heartbeatStack();
    delete heartbeat.heartbeat;
    expect(await pathsOf(heartbeat, 'runtime-section-missing')).toEqual(['heartbeat']);
    const agent = agentStack();
    delete agent.heartbeat;
    expect(await pathsOf(agent, 'runtime-section-missing')).toEqual(['heartbeat']);
  });

  it('rejects keepalived without VRRP instances', async () => {
    const stack = keepalivedStack();
    delete stack.vrrp;
    expect(await pathsOf(stack, 'runtime-section-missing')).toEqual(['vrrp']);
  });

  it('accepts every base stack', async () => {
    for (const stack of [heartbeatStack(), pacemakerStack(), corosyncStack(), keepalivedStack(), agentStack()]) {
      expect(await pathsOf(stack, 'runtime-section-missing')).toEqual([]);
    }
  });
});

describe('sections a runtime ignores', () => {
  it('warns about a corosync section under pacemaker on heartbeat', async () => {
    const stack = pacemakerStack();
    stack.corosync = { version: 1 };
    expect(await pathsOf(stack, 'runtime-section-unused')).toEqual(['corosync']);
    expect(await severityOf(stack, 'runtime-section-unused')).toEqual(['warning']);
  });

  it('warns about heartbeat and keepalived settings where they are not read', async () => {
    const keepalived = keepalivedStack();
    keepalived.heartbeat = heartbeatStack().heartbeat;
    expect(await pathsOf(keepalived, 'runtime-section-unused')).toEqual(['heartbeat']);
    const heartbeat = heartbeatStack();
    heartbeat.keepalived = { routerId: 'lb' };
    expect(await pathsOf(heartbeat, 'runtime-section-unused')).toEqual(['keepalived']);
  });
});
