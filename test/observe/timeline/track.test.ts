import { describe, expect, it } from 'vitest';
import { StatusTracker } from '../../../src/observe/timeline/track.js';
import { statusOf } from '../status-fixtures.js';

describe('the status tracker', () => {
  it('starts with one "watching" line and no counts', () => {
    const t = new StatusTracker();
    const events = t.observe(statusOf(['qs1']), 1000);
    expect(events.map((e) => [e.kind, e.text])).toEqual([['observing', 'watching quickstart (agent): web on qs1']]);
    expect(t.counters().get('web')).toMatchObject({ transitions: 0, failovers: 0 });
  });

  it('counts a failover through "nowhere" once, with the time the group ran nowhere and the dead node as cause', () => {
    const t = new StatusTracker();
    t.observe(statusOf(['qs1']), 1000);
    const lost = t.observe(statusOf([], { qs1: 'offline' }), 2000);
    expect(lost.map((e) => e.kind)).toEqual(['node', 'link', 'group']);
    expect(lost.find((e) => e.kind === 'group')).toMatchObject({ text: 'web: qs1 → nowhere', cause: 'qs1 offline' });
    // qs1 is back by the time qs2 runs the group: the cause is still the node that went down
    const moved = t.observe(statusOf(['qs2']), 2600);
    expect(moved.find((e) => e.kind === 'failover')).toMatchObject({ subject: 'web', ms: 600, cause: 'qs1 offline' });
    expect(t.counters().get('web')).toEqual({ transitions: 2, failovers: 1, lastTransitionAt: 2600, lastFailoverAt: 2600, lastFailoverMs: 600 });
  });

  it('counts a move seen in one step as a failover of unknown duration, caused by the operator action noted before', () => {
    const t = new StatusTracker();
    t.observe(statusOf(['qs1']), 1000);
    t.noteAction('move web qs2', 1500);
    const failover = t.observe(statusOf(['qs2']), 2000).find((e) => e.kind === 'failover');
    expect(failover).toMatchObject({ cause: 'operator: move web qs2', text: 'web failed over qs1 → qs2 between two reads 1000 ms apart' });
    expect(failover?.ms).toBeUndefined();
    expect(t.counters().get('web')?.lastFailoverMs).toBeUndefined();
  });

  it('names a fault injected on the old holder as the cause, even when the node was never seen down', () => {
    const t = new StatusTracker();
    t.observe(statusOf(['qs1']), 1000);
    t.noteAction('cleanup', 1100);
    t.noteFault('SIGKILL of hactl-agent on qs1', 'qs1', 1200);
    t.noteFault('SIGKILL of hactl-agent on qs2', 'qs2', 1300);
    const events = t.observe(statusOf(['qs2']), 2000);
    expect(events.find((e) => e.kind === 'group')).toMatchObject({ cause: 'test failover: SIGKILL of hactl-agent on qs1' });
    expect(events.find((e) => e.kind === 'failover')).toMatchObject({ cause: 'test failover: SIGKILL of hactl-agent on qs1' });
  });

  it('does not count a group coming back to the node it ran on as a failover', () => {
    const t = new StatusTracker();
    t.observe(statusOf(['qs1']), 1000);
    t.observe(statusOf([]), 2000);
    const back = t.observe(statusOf(['qs1']), 3000);
    expect(back.some((e) => e.kind === 'failover')).toBe(false);
    expect(t.counters().get('web')).toMatchObject({ transitions: 2, failovers: 0 });
  });

  it('names a new split-brain warning and a member that failed', () => {
    const t = new StatusTracker();
    t.observe(statusOf(['qs1']), 1000);
    const split = t.observe(statusOf(['qs1', 'qs2']), 2000);
    expect(split.filter((e) => e.kind === 'warning').map((e) => e.text)).toEqual(['web is active on 2 nodes (qs1, qs2)']);
    const failed = statusOf(['qs1']);
    failed.groups[0]!.resources[1] = { ...failed.groups[0]!.resources[1]!, role: 'failed', failed: true };
    expect(t.observe(failed, 3000).filter((e) => e.kind === 'resource').map((e) => e.text)).toEqual(['hello (web) failed on qs1']);
  });
});
