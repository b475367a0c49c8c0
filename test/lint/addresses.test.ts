import { describe, expect, it } from 'vitest';
import { heartbeatStack, keepalivedStack, pacemakerStack, pathsOf } from './stacks.js';

describe('VIP subnets', () => {
  it('rejects a VIP outside the subnet of the NIC it is put on', async () => {
    const stack = heartbeatStack();
    stack.resources = [{ group: 'memcached', members: [{ vip: '172.16.1.1/24', nic: 'eth0' }, { service: 'memcached' }] }];
    expect(await pathsOf(stack, 'vip-outside-subnet')).toEqual(['resources[0].members[0].vip']);
  });

  it('rejects a VIP outside the NIC subnet on only one of the nodes that may run it', async () => {
    const stack = heartbeatStack();
    stack.nodes.sv2 = { nics: { eth0: '172.16.8.3/24', eth1: '192.168.0.3/24', eth2: '192.168.2.3/24' } };
    expect(await pathsOf(stack, 'vip-outside-subnet')).toEqual(['resources[0].members[0].vip']);
  });

  it('accepts it when that node is banned from running the VIP', async () => {
    const stack = pacemakerStack();
    stack.nodes.s2 = { nics: { eth1: '10.9.9.2/24', eth2: '192.168.9.122/24', eth3: '192.168.10.122/24' } };
    stack.constraints = [{ location: { rsc: 'web', node: 's2', score: '-INFINITY' } }];
    expect(await pathsOf(stack, 'vip-outside-subnet')).toEqual([]);
  });

  it('rejects a VIP without nic when no NIC subnet of a node contains it', async () => {
    const stack = pacemakerStack();
    stack.resources = [{ vip: '10.0.0.5/24' }];
    expect(await pathsOf(stack, 'vip-no-nic')).toEqual(['resources[0].vip']);
  });

  it('accepts a VIP without nic that some NIC subnet contains', async () => {
    const stack = pacemakerStack();
    stack.resources = [{ vip: '192.168.1.99/24' }];
    expect(await pathsOf(stack, 'vip-no-nic')).toEqual([]);
  });

  it('rejects VRRP addresses outside the subnet of the instance interface', async () => {
    const stack = keepalivedStack();
    stack.vrrp![0]!.vips = ['192.168.1.10', '192.168.7.10/24'];
    stack.vrrp![0]!.excludedVips = ['10.1.1.1'];
    expect(await pathsOf(stack, 'vip-outside-subnet')).toEqual(['vrrp[0].vips[1]', 'vrrp[0].excludedVips[0]']);
  });
});

describe('VIP ownership', () => {
  it('rejects a VIP that is a node address', async () => {
    const stack = heartbeatStack();
    stack.resources = [{ vip: '172.16.0.3/24', nic: 'eth0' }];
    expect(await pathsOf(stack, 'vip-equals-node-address')).toEqual(['resources[0].vip']);
  });

  it('rejects a VRRP address that is a node address', async () => {
    const stack = keepalivedStack();
    stack.vrrp![0]!.vips = ['192.168.1.12'];
    expect(await pathsOf(stack, 'vip-equals-node-address')).toEqual(['vrrp[0].vips[0]']);
  });

  it('rejects a VIP claimed by two resources', async () => {
    const stack = pacemakerStack();
    stack.resources!.push({ vip: '192.168.1.101/24', nic: 'eth1', name: 'vip_again' });
    expect(await pathsOf(stack, 'vip-duplicate')).toEqual(['resources[1].vip']);
  });

  it('rejects a VIP listed twice in VRRP, also across vips and excludedVips', async () => {
    const stack = keepalivedStack();
    stack.vrrp![0]!.vips = ['192.168.1.10', '192.168.1.10/24'];
    stack.vrrp![0]!.excludedVips = ['192.168.1.10'];
    expect(await pathsOf(stack, 'vip-duplicate')).toEqual(['vrrp[0].vips[1]', 'vrrp[0].excludedVips[0]']);
  });

  it('accepts distinct VIPs', async () => {
    const stack = pacemakerStack();
    stack.resources!.push({ vip: '192.168.1.100/24', nic: 'eth1', name: 'vip_samba' });
    expect(await pathsOf(stack, 'vip-duplicate')).toEqual([]);
    expect(await pathsOf(stack, 'vip-equals-node-address')).toEqual([]);
  });
});

describe('node addresses', () => {
  it('rejects two NICs with the same address', async () => {
    const stack = heartbeatStack();
    stack.nodes.sv2 = { nics: { eth0: '172.16.0.3/24', eth1: '192.168.0.2/24', eth2: '192.168.2.3/24' } };
    expect(await pathsOf(stack, 'duplicate-address')).toEqual(['nodes.sv2.nics.eth1']);
  });

  it('accepts distinct addresses', async () => {
    expect(await pathsOf(heartbeatStack(), 'duplicate-address')).toEqual([]);
  });
});
