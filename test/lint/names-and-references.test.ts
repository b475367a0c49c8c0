import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { corosyncStack, drbdStack, heartbeatStack, keepalivedStack, pacemakerStack, pathsOf, type Constraint, type Resource } from './stacks.js';

const withResources = (stack: ClusterInput, resources: Resource[]): ClusterInput => ({ ...stack, resources });
const withConstraints = (stack: ClusterInput, constraints: Constraint[]): ClusterInput => ({ ...stack, constraints });

describe('unique names', () => {
  it('rejects two resources with the same name', async () => {
    const stack = withResources(pacemakerStack(), [
      { group: 'web', members: [{ lsb: 'smb' }, { lsb: 'nmb', name: 'smb' }] },
    ]);
    expect(await pathsOf(stack, 'duplicate-name')).toEqual(['resources[0].members[1].name']);
  });

  it('rejects a pacemaker group named like a resource (one id namespace)', async () => {
    const stack = withResources(pacemakerStack(), [{ group: 'smb', members: [{ lsb: 'smb' }] }]);
    expect(await pathsOf(stack, 'duplicate-name')).toEqual(['resources[0].members[0].name']);
  });

  it('accepts seed 000’s group memcached running the service memcached on heartbeat', async () => {
    expect(await pathsOf(heartbeatStack(), 'duplicate-name')).toEqual([]);
  });

  it('rejects two groups with the same name', async () => {
    const stack = withResources(heartbeatStack(), [
      { group: 'cache', members: [{ service: 'memcached' }] },
      { group: 'cache', members: [{ service: 'redis' }] },
    ]);
    expect(await pathsOf(stack, 'duplicate-name')).toEqual(['resources[1].group']);
  });

  it('rejects a DRBD master name that is already a resource name', async () => {
    const stack = drbdStack();
    stack.resources![1] = { filesystem: { device: '/dev/drbd0', directory: '/drbd', fstype: 'ext3' }, name: 'ms-drbd0' };
    expect(await pathsOf(stack, 'duplicate-name')).toEqual(['resources[1].name']);
  });

  it('rejects two constraints with the same id', async () => {
    const stack = withConstraints(drbdStack(), [
      ...drbdStack().constraints!,
      { id: 'twice', location: { rsc: 'fs0', node: 'host_m' } },
      { id: 'twice', location: { rsc: 'fs0', node: 'host_s' } },
    ]);
    expect(await pathsOf(stack, 'duplicate-name')).toEqual(['constraints[4].id']);
  });

  it('rejects two DRBD resources with the same name', async () => {
    const stack = drbdStack();
    stack.drbd!.push({ ...stack.drbd![0]!, port: 7790 });
    expect(await pathsOf(stack, 'duplicate-name')).toEqual(['drbd[1].name']);
  });

  it('rejects two VRRP instances with the same name', async () => {
    const stack = keepalivedStack();
    stack.vrrp!.push({ ...stack.vrrp![0]!, vrid: 52, vips: ['192.168.1.20'] });
    expect(await pathsOf(stack, 'duplicate-name')).toEqual(['vrrp[1].name']);
  });
});

describe('references', () => {
  it('rejects a preferred node that is not a node', async () => {
    const stack = heartbeatStack();
    stack.resources = [{ group: 'memcached', preferred: 'sv3', members: [{ service: 'memcached' }] }];
    expect(await pathsOf(stack, 'unknown-reference')).toEqual(['resources[0].preferred']);
  });

  it('rejects constraints naming resources and nodes that do not exist', async () => {
    const stack = withConstraints(drbdStack(), [
      { location: { rsc: 'ms_drbd0', node: 'host_x' } },
      { colocation: { rsc: 'fs1', with: 'ms-drbd0', withRole: 'master' } },
      { order: { first: 'ms-drbd0', firstAction: 'promote', then: 'fs9' } },
    ]);
    expect(await pathsOf(stack, 'unknown-reference')).toEqual([
      'constraints[0].location.rsc',
      'constraints[0].location.node',
      'constraints[1].colocation.rsc',
      'constraints[2].order.then',
    ]);
  });

  it('accepts constraints on a group, a primitive and the default master name ms_<drbd>', async () => {
    const stack = drbdStack();
    stack.resources = [
      { drbd: 'drbd0' },
      { group: 'data', members: [{ filesystem: { device: '/dev/drbd0', directory: '/drbd', fstype: 'ext3' }, name: 'fs0' }] },
    ];
    stack.constraints = [
      { location: { rsc: 'ms_drbd0', node: 'host_m', role: 'master' } },
      { colocation: { rsc: 'data', with: 'ms_drbd0', withRole: 'master' } },
      { order: { first: 'ms_drbd0', firstAction: 'promote', then: 'data' } },
      { location: { rsc: 'fs0', node: 'host_m', score: 10 } },
    ];
    expect(await pathsOf(stack, 'unknown-reference')).toEqual([]);
  });

  it('rejects VRRP nodes and DRBD hosts that are not nodes', async () => {
    const vrrp = keepalivedStack();
    vrrp.vrrp![0]!.nodes.lb3 = { state: 'BACKUP', priority: 50 };
    expect(await pathsOf(vrrp, 'unknown-reference')).toEqual(['vrrp[0].nodes.lb3']);
    const drbd = drbdStack();
    drbd.drbd![0]!.nodes.host_x = { device: '/dev/drbd0', disk: '/dev/hda2' };
    expect(await pathsOf(drbd, 'unknown-reference')).toEqual(['drbd[0].nodes.host_x']);
  });

  it('rejects a DRBD master preferring an unknown node', async () => {
    const stack = drbdStack();
    stack.resources![0] = { drbd: 'drbd0', name: 'drbd0', master: { name: 'ms-drbd0', preferred: 'host_z' } };
    expect(await pathsOf(stack, 'unknown-reference')).toEqual(['resources[0].master.preferred']);
  });
});

describe('NIC references', () => {
  it('rejects a VIP nic that one node lacks', async () => {
    const stack = heartbeatStack();
    stack.nodes.sv2 = { nics: { eth1: '192.168.0.3/24', eth2: '192.168.2.3/24', eth3: '172.16.0.3/24' } };
    expect(await pathsOf(stack, 'unknown-nic')).toEqual(['resources[0].members[0].nic']);
  });

  it('accepts a VIP nic missing only on a node the VIP is banned from', async () => {
    const stack = pacemakerStack();
    stack.nodes.s3 = { nics: { eth2: '192.168.9.123/24', eth3: '192.168.10.123/24' } };
    stack.constraints = [{ location: { rsc: 'web', node: 's3', score: '-INFINITY' } }];
    expect(await pathsOf(stack, 'unknown-nic')).toEqual([]);
  });

  it('rejects an interconnect NIC a node lacks', async () => {
    const stack = heartbeatStack();
    stack.nodes.sv2 = { nics: { eth0: '172.16.0.3/24', eth1: '192.168.0.3/24' } };
    expect(await pathsOf(stack, 'unknown-nic')).toEqual(['heartbeat.interconnect[1].nic']);
  });

  it('rejects a corosync interconnect NIC a node lacks', async () => {
    const stack = corosyncStack();
    stack.corosync = { version: 1, interconnect: 'eth7' };
    expect(await pathsOf(stack, 'unknown-nic')).toEqual(['corosync.interconnect']);
  });

  it('rejects a VRRP interface, shared or per node, that a node lacks', async () => {
    const shared = keepalivedStack();
    shared.vrrp![0]!.interface = 'eth1';
    expect(await pathsOf(shared, 'unknown-nic')).toEqual(['vrrp[0].interface']);
    const perNode = keepalivedStack();
    perNode.vrrp![0]!.nodes.lb2 = { state: 'BACKUP', priority: 100, interface: 'bond0' };
    expect(await pathsOf(perNode, 'unknown-nic')).toEqual(['vrrp[0].nodes.lb2.interface']);
  });
});
