import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { agentStack, corosyncStack, drbdStack, lint, pacemakerStack, pathsOf, severityOf } from './stacks.js';

const withProperties = (properties: ClusterInput['properties'], stack: ClusterInput = pacemakerStack()): ClusterInput => ({ ...stack, properties });

describe('two-node quorum', () => {
  it('rejects a two-node pacemaker cluster without no-quorum-policy', async () => {
    expect(await pathsOf(withProperties({ 'stonith-enabled': false }), 'two-node-quorum')).toEqual(['properties']);
  });

  it('rejects it on corosync 1.x, which has no two_node (seed 004)', async () => {
    expect(await pathsOf(withProperties({ 'stonith-enabled': false }, corosyncStack()), 'two-node-quorum')).toEqual(['properties']);
  });

  it('accepts corosync 3 with twoNode, and rejects twoNode: false', async () => {
    const stack = withProperties({ 'stonith-enabled': false }, corosyncStack());
    stack.corosync = { version: 3, interconnect: 'eth1' };
    expect(await pathsOf(stack, 'two-node-quorum')).toEqual([]);
    stack.corosync = { version: 3, interconnect: 'eth1', twoNode: false };
    expect(await pathsOf(stack, 'two-node-quorum')).toEqual(['properties']);
  });

  it('accepts an explicit no-quorum-policy (seeds 001, 004) and clusters of three', async () => {
    expect(await pathsOf(pacemakerStack(), 'two-node-quorum')).toEqual([]);
    const three = withProperties({ 'stonith-enabled': false });
    three.nodes.s3 = { nics: { eth1: '192.168.1.123/24', eth2: '192.168.9.123/24', eth3: '192.168.10.123/24' } };
    expect(await pathsOf(three, 'two-node-quorum')).toEqual([]);
  });
});

describe('STONITH', () => {
  it('rejects pacemaker with STONITH enabled, as crm_verify does when no device exists (seed 001)', async () => {
    expect(await pathsOf(withProperties({ 'no-quorum-policy': 'ignore' }), 'stonith-no-devices')).toEqual(['properties']);
    expect(await pathsOf(withProperties({ 'no-quorum-policy': 'ignore', 'stonith-enabled': true }), 'stonith-no-devices')).toEqual(['properties.stonith-enabled']);
  });

  it('accepts stonith-enabled false as boolean or crm string', async () => {
    expect(await pathsOf(withProperties({ 'no-quorum-policy': 'ignore', 'stonith-enabled': 'false' }), 'stonith-no-devices')).toEqual([]);
  });

  it('warns that DRBD without STONITH risks data integrity', async () => {
    const stack = drbdStack();
    expect(await pathsOf(stack, 'stonith-shared-data')).toEqual(['properties.stonith-enabled']);
    expect(await severityOf(stack, 'stonith-shared-data')).toEqual(['warning']);
    expect((await lint(stack)).find((d) => d.code === 'stonith-shared-data')?.message).toContain('Clusters with shared data need STONITH to ensure data integrity');
  });

  it('does not warn without shared data', async () => {
    expect(await pathsOf(pacemakerStack(), 'stonith-shared-data')).toEqual([]);
  });
});

describe('on-fail fence', () => {
  it('rejects onFail: fence when pacemaker STONITH is off', async () => {
    const stack = pacemakerStack();
    stack.resources = [{ lsb: 'smb', monitor: { interval: '15s', onFail: 'fence' } }];
    expect(await pathsOf(stack, 'fence-without-stonith')).toEqual(['resources[0].monitor.onFail']);
  });

  it('rejects it under the agent without agent.fencing, and accepts it with one', async () => {
    const stack = agentStack();
    stack.resources = [{ group: 'web', members: [{ vip: '10.201.0.100/24', nic: 'eth0', start: { onFail: 'fence' } }] }];
    expect(await pathsOf(stack, 'fence-without-stonith')).toEqual(['resources[0].members[0].start.onFail']);
    stack.agent = { fencing: { command: '/usr/local/sbin/fence-peer' } };
    expect(await pathsOf(stack, 'fence-without-stonith')).toEqual([]);
  });
});
