import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDrbdStatus } from '../../../src/runtime/drbd/parse-status.js';

// Captured from drbd-utils 9.22 on the DRBD 8.4.11 kernel module of the Vagrant box (see fixtures/drbd/README.md)
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'drbd', `${name}.txt`), 'utf8');

describe('drbdadm status as the status model', () => {
  it("reads the Primary's role, disk and its connected, established Secondary peer", () => {
    expect(parseDrbdStatus(fixture('connected-primary-dm'), 'dm')).toEqual([
      { resource: 'drbd0', node: 'dm', up: true, role: 'Primary', disk: 'UpToDate', peers: [{ peer: 'peer', connection: 'Connected', role: 'Secondary', replication: 'Established', disk: 'UpToDate' }] },
    ]);
  });

  it('reads the Secondary that sees its peer Primary', () => {
    const [ds] = parseDrbdStatus(fixture('connected-secondary-ds'), 'ds');
    expect(ds).toMatchObject({ role: 'Secondary', disk: 'UpToDate', peers: [{ connection: 'Connected', role: 'Primary', disk: 'UpToDate' }] });
  });

  it('reads a peer that is gone as its connection state, with no role or replication', () => {
    expect(parseDrbdStatus(fixture('peer-powered-off-ds'), 'ds')).toEqual([
      { resource: 'drbd0', node: 'ds', up: true, role: 'Primary', disk: 'UpToDate', peers: [{ peer: 'peer', connection: 'Connecting' }] },
    ]);
  });

  it("reads a resync from both sides with DRBD's percent done", () => {
    expect(parseDrbdStatus(fixture('resync-target-dm'), 'dm')[0]).toEqual({
      resource: 'drbd0', node: 'dm', up: true, role: 'Secondary', disk: 'Inconsistent', peers: [{ peer: 'peer', connection: 'Connected', role: 'Primary', replication: 'SyncTarget', disk: 'UpToDate', done: 37.96 }],
    });
    expect(parseDrbdStatus(fixture('resync-source-ds'), 'ds')[0]!.peers).toEqual([{ peer: 'peer', connection: 'Connected', role: 'Secondary', replication: 'SyncSource', disk: 'Inconsistent', done: 40.09 }]);
  });

  it('reads a resource that has not connected yet, whose status has no connection line', () => {
    expect(parseDrbdStatus(fixture('not-connected-yet-dm'), 'dm')).toEqual([{ resource: 'drbd0', node: 'dm', up: true, role: 'Secondary', disk: 'Inconsistent', peers: [] }]);
  });

  it('reads several resources and skips what is not a resource (a tool warning at the margin)', () => {
    const text = `${fixture('connected-primary-dm')}Warning: something the tool says\n${fixture('peer-powered-off-ds').replace('drbd0', 'r1')}`;
    expect(parseDrbdStatus(text, 'dm').map((r) => [r.resource, r.role, r.peers[0]!.connection])).toEqual([['drbd0', 'Primary', 'Connected'], ['r1', 'Primary', 'Connecting']]);
  });

  it('reads nothing from empty output (the resource is not up)', () => {
    expect(parseDrbdStatus('', 'dm')).toEqual([]);
  });
});
