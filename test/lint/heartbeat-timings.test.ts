import { describe, expect, it } from 'vitest';
import { heartbeatStack, pathsOf, severityOf } from './stacks.js';

const timed = (t: { keepalive: string; warntime: string; deadtime: string; initdead: string }) => {
  const stack = heartbeatStack();
  stack.heartbeat = { ...stack.heartbeat!, ...t };
  return stack;
};

describe('heartbeat timings', () => {
  it('accepts seed 000’s 2s / 10s / 30s / 120s', async () => {
    const stack = timed({ keepalive: '2s', warntime: '10s', deadtime: '30s', initdead: '120s' });
    expect([...(await pathsOf(stack, 'timing-order')), ...(await pathsOf(stack, 'timing-deadtime')), ...(await pathsOf(stack, 'timing-initdead'))]).toEqual([]);
  });

  it('rejects a warntime that is not between keepalive and deadtime', async () => {
    expect(await pathsOf(timed({ keepalive: '2s', warntime: '40s', deadtime: '30s', initdead: '120s' }), 'timing-order')).toEqual(['heartbeat.warntime']);
    expect(await pathsOf(timed({ keepalive: '2s', warntime: '1s', deadtime: '30s', initdead: '120s' }), 'timing-order')).toEqual(['heartbeat.warntime']);
  });

  it('rejects a deadtime below twice keepalive', async () => {
    expect(await pathsOf(timed({ keepalive: '2s', warntime: '3s', deadtime: '3500ms', initdead: '120s' }), 'timing-deadtime')).toEqual(['heartbeat.deadtime']);
  });

  it('warns about an initdead below twice deadtime', async () => {
    const stack = timed({ keepalive: '2s', warntime: '10s', deadtime: '30s', initdead: '40s' });
    expect(await pathsOf(stack, 'timing-initdead')).toEqual(['heartbeat.initdead']);
    expect(await severityOf(stack, 'timing-initdead')).toEqual(['warning']);
  });
});
