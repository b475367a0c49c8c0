import { describe, expect, it } from 'vitest';
import { formatStatus } from '../../src/runtime/format-status.js';
import type { DrbdState } from '../../src/runtime/status.js';
import { statusOf } from '../observe/status-fixtures.js';

describe('the status as text', () => {
  it('has no DRBD section for a stack without DRBD', () => {
    expect(formatStatus(statusOf(['qs1']))).not.toMatch(/DRBD/);
  });

  it("shows each DRBD resource's role, disk and peers per node, with a resync's percent done", () => {
    const drbd: DrbdState[] = [
      { resource: 'drbd0', node: 'qs1', up: true, role: 'Primary', disk: 'UpToDate', peers: [{ peer: 'qs2', connection: 'Connected', role: 'Secondary', replication: 'SyncSource', disk: 'Inconsistent', done: 42.5 }] },
      { resource: 'drbd0', node: 'qs2', up: true, role: 'Secondary', disk: 'Inconsistent', peers: [{ peer: 'qs1', connection: 'Connected', role: 'Primary', replication: 'SyncTarget', disk: 'UpToDate', done: 42.5 }] },
    ];
    expect(formatStatus(statusOf(['qs1'], {}, { drbd }))).toContain(
      ['DRBD:', '  drbd0  qs1  Primary    UpToDate      qs2: Secondary Inconsistent, SyncSource 42.5% done', '  drbd0  qs2  Secondary  Inconsistent  qs1: Primary UpToDate, SyncTarget 42.5% done'].join('\n'),
    );
  });

  it('shows a peer that is not connected by its connection state, and a resource that is not up', () => {
    const drbd: DrbdState[] = [
      { resource: 'drbd0', node: 'qs1', up: false, role: 'Unknown', disk: 'Unconfigured', peers: [], detail: 'drbd0: No such resource' },
      { resource: 'drbd0', node: 'qs2', up: true, role: 'Primary', disk: 'UpToDate', peers: [{ peer: 'qs1', connection: 'Connecting' }] },
    ];
    expect(formatStatus(statusOf(['qs2'], {}, { drbd }))).toContain(['DRBD:', '  drbd0  qs1  not up   drbd0: No such resource', '  drbd0  qs2  Primary  UpToDate                 qs1: Connecting'].join('\n'));
  });
});
