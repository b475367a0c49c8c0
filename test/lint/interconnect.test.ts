import { describe, expect, it } from 'vitest';
import { agentStack, corosyncStack, heartbeatStack, keepalivedStack, pathsOf, severityOf } from './stacks.js';

describe('redundant interconnect', () => {
  it('warns about a single heartbeat link between two nodes (split-brain risk)', async () => {
    const stack = heartbeatStack();
    stack.heartbeat!.interconnect = { nic: 'eth1' };
    expect(await pathsOf(stack, 'single-interconnect')).toEqual(['heartbeat.interconnect']);
    expect(await severityOf(stack, 'single-interconnect')).toEqual(['warning']);
  });

  it('warns about a single corosync ring between two nodes', async () => {
    expect(await pathsOf(corosyncStack(), 'single-interconnect')).toEqual(['corosync.interconnect']);
  });

  it('accepts two links, and one link among three nodes', async () => {
    expect(await pathsOf(heartbeatStack(), 'single-interconnect')).toEqual([]);
    const three = heartbeatStack();
    three.heartbeat!.interconnect = { nic: 'eth1' };
    three.nodes.sv3 = { nics: { eth0: '172.16.0.4/24', eth1: '192.168.0.4/24', eth2: '192.168.2.4/24' } };
    expect(await pathsOf(three, 'single-interconnect')).toEqual([]);
  });

  it('says nothing about keepalived, which has no interconnect', async () => {
    expect(await pathsOf(keepalivedStack(), 'single-interconnect')).toEqual([]);
  });
});

describe('service traffic on the interconnect', () => {
  it('warns about a NIC with role service that carries the only heartbeat link', async () => {
    const stack = heartbeatStack();
    stack.heartbeat!.interconnect = { nic: 'eth1' };
    stack.nodes.sv1!.nics.eth1 = { address: '192.168.0.2/24', role: 'service' };
    expect(await pathsOf(stack, 'service-on-interconnect')).toEqual(['nodes.sv1.nics.eth1']);
  });

  it('warns about a VIP on the only interconnect NIC', async () => {
    const stack = heartbeatStack();
    stack.heartbeat!.interconnect = { nic: 'eth0' };
    expect(await pathsOf(stack, 'service-on-interconnect')).toEqual(['resources[0].members[0].nic']);
  });

  it('accepts a backup link on the service LAN next to a dedicated one (quickstart)', async () => {
    expect(await pathsOf(agentStack(), 'service-on-interconnect')).toEqual([]);
  });
});

describe('multicast links', () => {
  it('rejects an mcast link without group or with a unicast group', async () => {
    const stack = heartbeatStack();
    stack.heartbeat!.interconnect = [{ nic: 'eth1', mode: 'mcast' }, { nic: 'eth2', mode: 'mcast', group: '192.168.2.1' }];
    expect(await pathsOf(stack, 'link-mcast-group')).toEqual(['heartbeat.interconnect[0].group', 'heartbeat.interconnect[1].group']);
  });

  it('accepts an mcast link with a multicast group', async () => {
    const stack = heartbeatStack();
    stack.heartbeat!.interconnect = [{ nic: 'eth1', mode: 'mcast', group: '239.0.0.43' }, { nic: 'eth2' }];
    expect(await pathsOf(stack, 'link-mcast-group')).toEqual([]);
  });
});
