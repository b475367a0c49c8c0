import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeViews } from '../../src/runtime/merge-views.js';
import { parseCrmMon } from '../../src/runtime/pacemaker/crm-mon.js';

// Captured from Pacemaker 2.1.5 on Corosync 3 in a two-node lab: a group (IPaddr2 + Dummy), a promotable
// Stateful clone and an LSB primitive, in the states named by the file.
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'pacemaker', `pm-${name}.xml`), 'utf8');
const view = (name: string, reporter = 'node1') => parseCrmMon(fixture(name), reporter, 'job');

describe("crm_mon's XML as the status model", () => {
  it('reads where each group runs, with the promotable clone promoted on one node', () => {
    const v = view('healed');
    expect(v.groups.map((g) => [g.name, g.kind, g.runningOn])).toEqual([
      ['hoge', 'primitive', ['node1']],
      ['grp', 'group', ['node2']],
      ['ms_st', 'promotable', ['node1', 'node2']],
    ]);
    expect(v.groups[2]!.promotedOn).toEqual(['node1']);
    expect(v.dc).toEqual(['node1']);
    expect(v.quorum).toEqual({ quorate: true });
  });

  it('reads failed actions and fail-counts', () => {
    const v = view('failed');
    expect(v.failedActions).toEqual([
      expect.objectContaining({ resource: 'web', operation: 'monitor', node: 'node2', reason: 'not running: No process state file found' }),
    ]);
    expect(v.failCounts).toEqual([{ resource: 'web', node: 'node2', count: 1 }]);
  });

  it('reads a standby node and a resource stopped on purpose', () => {
    expect(view('standby').nodes.map((n) => [n.name, n.state])).toEqual([['node1', 'online'], ['node2', 'standby']]);
    const hoge = view('moved-stopped').groups.find((g) => g.name === 'hoge')!;
    expect(hoge).toMatchObject({ runningOn: [], disabled: true });
    expect(hoge.resources[0]).toMatchObject({ role: 'stopped', disabled: true });
  });

  it('names a split brain in words when each side runs the groups and sees the other offline', () => {
    const status = mergeViews([view('split-node1', 'node1'), view('split-node2', 'node2')], ['node1', 'node2']);
    expect(status.partitions).toEqual([['node1'], ['node2']]);
    expect(status.groups.find((g) => g.name === 'hoge')!.runningOn).toEqual(['node1', 'node2']);
    expect(status.warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/^split brain/),
      'hoge is active on 2 nodes (node1, node2)',
      'grp is active on 2 nodes (node1, node2)',
      'ms_st is promoted on node1, node2',
    ]));
    expect(status.nodes.map((n) => [n.name, n.state])).toEqual([['node1', 'online'], ['node2', 'online']]);
  });

  it('merges agreeing views into one partition without warnings', () => {
    const status = mergeViews([view('healed', 'node1'), view('healed', 'node2')], ['node1', 'node2']);
    expect(status.partitions).toEqual([['node1', 'node2']]);
    expect(status.warnings).toEqual([]);
    expect(status.reportedBy).toEqual(['node1', 'node2']);
  });
});
