import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { agentStack, drbdStack, pathsOf, type Constraint } from './stacks.js';

type Drbd = NonNullable<ClusterInput['drbd']>[number];

const withDrbd = (change: Partial<Drbd>, stack = drbdStack()): ClusterInput => {
  stack.drbd = [{ ...stack.drbd![0]!, ...change }];
  return stack;
};

const withConstraints = (constraints: Constraint[]): ClusterInput => ({ ...drbdStack(), constraints });

const hosts = (m: Partial<Drbd['nodes'][string]>, s: Partial<Drbd['nodes'][string]>): Drbd['nodes'] => ({
  host_m: { device: '/dev/drbd0', disk: '/dev/hda2', address: '192.168.0.1', ...m },
  host_s: { device: '/dev/drbd0', disk: '/dev/hda2', address: '192.168.0.2', ...s },
});

describe('DRBD resources', () => {
  it('rejects different device names on the nodes (seed 003)', async () => {
    expect(await pathsOf(withDrbd({ nodes: hosts({}, { device: '/dev/drbd1' }) }), 'drbd-device-mismatch')).toEqual(['drbd[0].nodes.host_s.device']);
  });

  it('rejects an address that is not the node’s or is on its service NIC', async () => {
    expect(await pathsOf(withDrbd({ nodes: hosts({}, { address: '192.168.0.9' }) }), 'drbd-address-not-interconnect')).toEqual(['drbd[0].nodes.host_s.address']);
    expect(await pathsOf(withDrbd({ nodes: hosts({ address: '192.168.1.1' }, {}) }), 'drbd-address-not-interconnect')).toEqual(['drbd[0].nodes.host_m.address']);
  });

  it('accepts omitted addresses, which default to the interconnect NIC', async () => {
    expect(await pathsOf(withDrbd({ nodes: hosts({ address: undefined }, { address: undefined }) }), 'drbd-address-not-interconnect')).toEqual([]);
  });

  it('rejects two DRBD resources on one port, and the heartbeat port 694', async () => {
    const stack = drbdStack();
    stack.drbd!.push({ ...stack.drbd![0]!, name: 'drbd1', nodes: hosts({ device: '/dev/drbd1' }, { device: '/dev/drbd1' }) });
    expect(await pathsOf(stack, 'drbd-port-clash')).toEqual(['drbd[1].port']);
    expect(await pathsOf(withDrbd({ port: 694 }), 'drbd-port-clash')).toEqual(['drbd[0].port']);
  });

  it('rejects a protocol other than A, B or C', async () => {
    expect(await pathsOf(withDrbd({ protocol: 'D' }), 'drbd-protocol')).toEqual(['drbd[0].protocol']);
    expect(await pathsOf(withDrbd({ protocol: 'A' }), 'drbd-protocol')).toEqual([]);
  });
});

describe('DRBD in the cluster', () => {
  it('rejects a drbd: resource that names an undeclared DRBD resource', async () => {
    const stack = drbdStack();
    stack.resources![0] = { drbd: 'r9', name: 'drbd0', master: { name: 'ms-drbd0' } };
    expect(await pathsOf(stack, 'drbd-unknown-resource')).toEqual(['resources[0].drbd']);
  });

  it('rejects a DRBD master/slave inside a pacemaker group', async () => {
    const stack = drbdStack();
    stack.resources = [{ group: 'data', members: [{ drbd: 'drbd0' }, { filesystem: { device: '/dev/drbd0', directory: '/drbd', fstype: 'ext3' }, name: 'fs0' }] }];
    expect(await pathsOf(stack, 'drbd-in-group')).toEqual(['resources[0].members[0].drbd']);
  });

  it('rejects a Filesystem on DRBD without colocation with the master', async () => {
    const stack = withConstraints([{ order: { first: 'ms-drbd0', firstAction: 'promote', then: 'fs0' } }]);
    expect(await pathsOf(stack, 'drbd-fs-constraints')).toEqual(['resources[1].filesystem.device']);
  });

  it('rejects a Filesystem on DRBD without order after promote', async () => {
    const stack = withConstraints([
      { colocation: { rsc: 'fs0', with: 'ms-drbd0', withRole: 'master' } },
      { order: { first: 'ms-drbd0', then: 'fs0' } },
    ]);
    expect(await pathsOf(stack, 'drbd-fs-constraints')).toEqual(['resources[1].filesystem.device']);
  });

  it('rejects a colocation with the DRBD resource in any role', async () => {
    const stack = withConstraints([
      { colocation: { rsc: 'fs0', with: 'ms-drbd0' } },
      { order: { first: 'ms-drbd0', firstAction: 'promote', then: 'fs0' } },
    ]);
    expect(await pathsOf(stack, 'drbd-fs-constraints')).toEqual(['resources[1].filesystem.device']);
  });

  it('accepts seed 003’s colocation with ms-drbd0:Master and order after promote', async () => {
    expect(await pathsOf(drbdStack(), 'drbd-fs-constraints')).toEqual([]);
  });

  it('accepts the constraints on the group that holds the Filesystem', async () => {
    const stack = drbdStack();
    stack.resources![1] = { group: 'data', members: [{ filesystem: { device: '/dev/drbd0', directory: '/drbd', fstype: 'ext3' }, name: 'fs0' }, { service: 'mysqld' }] };
    stack.constraints = [
      { colocation: { rsc: 'data', with: 'ms-drbd0', withRole: 'master' } },
      { order: { first: 'ms-drbd0', firstAction: 'promote', then: 'data' } },
    ];
    expect(await pathsOf(stack, 'drbd-fs-constraints')).toEqual([]);
  });

  it('rejects a Filesystem on DRBD that no drbd: resource runs', async () => {
    const stack = drbdStack();
    stack.resources = [stack.resources![1]!];
    stack.constraints = [];
    expect(await pathsOf(stack, 'drbd-fs-constraints')).toEqual(['resources[0].filesystem.device']);
  });

  it('rejects a Filesystem on a /dev/drbdN no DRBD resource declares', async () => {
    const stack = drbdStack();
    stack.resources![1] = { filesystem: { device: '/dev/drbd7', directory: '/drbd', fstype: 'ext3' }, name: 'fs0' };
    expect(await pathsOf(stack, 'drbd-unknown-resource')).toEqual(['resources[1].filesystem.device']);
  });

  it('accepts DRBD started before the Filesystem in one group under the agent', async () => {
    const stack = agentStack();
    stack.nodes = {
      qs1: { nics: { eth0: '10.201.0.11/24', eth1: '10.201.1.11/24' } },
      qs2: { nics: { eth0: '10.201.0.12/24', eth1: '10.201.1.12/24' } },
    };
    stack.drbd = [{ name: 'r0', nodes: { qs1: { device: '/dev/drbd0', disk: '/dev/vdb' }, qs2: { device: '/dev/drbd0', disk: '/dev/vdb' } } }];
    stack.resources = [{ group: 'data', members: [{ drbd: 'r0' }, { filesystem: { device: '/dev/drbd0', directory: '/data', fstype: 'ext4' } }] }];
    expect(await pathsOf(stack, 'drbd-fs-constraints')).toEqual([]);
    stack.resources = [{ group: 'data', members: [{ filesystem: { device: '/dev/drbd0', directory: '/data', fstype: 'ext4' } }, { drbd: 'r0' }] }];
    expect(await pathsOf(stack, 'drbd-fs-constraints')).toEqual(['resources[0].members[0].filesystem.device']);
  });
});
