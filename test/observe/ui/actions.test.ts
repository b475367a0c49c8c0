import { describe, expect, it } from 'vitest';
import { parseAction } from '../../../src/observe/ui/actions.js';

describe('the web view actions', () => {
  it('accept standby, online, move, unmove and cleanup with exactly their arguments', () => {
    expect(parseAction({ op: 'move', args: { group: 'web', node: 'qs2' } })).toEqual({ op: 'move', args: { group: 'web', node: 'qs2' } });
    expect(parseAction({ op: 'cleanup' })).toEqual({ op: 'cleanup', args: {} });
  });

  it('refuse anything else: stop, a missing or extra argument, a value that is not a name', () => {
    for (const body of [{ op: 'stop', args: { group: 'web' } }, { op: 'move', args: { group: 'web' } }, { op: 'standby', args: { node: 'qs1', group: 'web' } },
      { op: 'standby', args: { node: 'qs1; reboot' } }, null, 'move']) {
      expect(() => parseAction(body), JSON.stringify(body)).toThrow(expect.objectContaining({ code: 'observe-bad-request' }));
    }
  });
});
