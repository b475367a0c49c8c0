import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStack } from '../../../src/load/load-stack.js';
import { parseDrbdStatus } from '../../../src/runtime/drbd/parse-status.js';
import { drbdWarnings, namePeers, withDrbd } from '../../../src/runtime/drbd/read-status.js';
import type { DrbdState } from '../../../src/runtime/status.js';
import { statusOf } from '../../observe/status-fixtures.js';

const root = join(import.meta.dirname, '..', '..', '..');

const primary: DrbdState = { resource: 'drbd0', node: 'dm', up: true, role: 'Primary', disk: 'UpToDate', peers: [{ peer: 'ds', connection: 'Connected', role: 'Secondary', replication: 'Established', disk: 'UpToDate' }] };
const secondary: DrbdState = { resource: 'drbd0', node: 'ds', up: true, role: 'Secondary', disk: 'UpToDate', peers: [{ peer: 'dm', connection: 'Connected', role: 'Primary', replication: 'Established', disk: 'UpToDate' }] };

describe("DRBD's peers named after the stack's nodes", () => {
  it("names DRBD 8.4's `peer` connection after the resource's other node", async () => {
    const model = (await loadStack(join(root, 'stacks/vagrant-drbd.yaml'))).model!;
    const [ds] = parseDrbdStatus(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'drbd', 'peer-powered-off-ds.txt'), 'utf8'), 'ds');
    expect(namePeers(ds!, model.drbd[0]!).peers).toEqual([{ peer: 'dm', connection: 'Connecting' }]);
  });
});

describe('DRBD warnings in the status', () => {
  it('has none for a Primary and a Secondary that replicate, nor during a resync', () => {
    const syncing: DrbdState = { ...secondary, disk: 'Inconsistent', peers: [{ ...secondary.peers[0]!, replication: 'SyncTarget', done: 42.5 }] };
    expect(drbdWarnings([primary, secondary])).toEqual([]);
    expect(drbdWarnings([primary, syncing])).toEqual([]);
  });

  it('names two Primaries, a StandAlone node, a resource that is not up and a lost backing disk', () => {
    const standAlone: DrbdState = { ...secondary, role: 'Primary', peers: [{ peer: 'dm', connection: 'StandAlone' }] };
    expect(drbdWarnings([primary, standAlone])).toEqual(['DRBD drbd0 is Primary on dm, ds', 'DRBD drbd0 on ds is StandAlone: it does not replicate with dm']);
    const down: DrbdState = { resource: 'drbd0', node: 'ds', up: false, role: 'Unknown', disk: 'Unconfigured', peers: [], detail: 'drbd0: No such resource' };
    expect(drbdWarnings([{ ...primary, disk: 'Diskless' }, down])).toEqual(['DRBD drbd0 on dm has no backing disk (Diskless)', 'DRBD drbd0 is not up on ds (drbd0: No such resource)']);
  });

  it('adds the resources and their warnings to the status only when the stack has DRBD', () => {
    const status = statusOf(['qs1']);
    expect(withDrbd(status, undefined)).toBe(status);
    const both = withDrbd(status, [primary, { ...secondary, role: 'Primary' }]);
    expect(both.drbd).toHaveLength(2);
    expect(both.warnings).toEqual(['DRBD drbd0 is Primary on dm, ds']);
  });
});
