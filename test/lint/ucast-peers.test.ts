import { describe, expect, it } from 'vitest';
import { heartbeatStack, pathsOf, severityOf } from './stacks.js';

describe('ucast peers (seed 000)', () => {
  it('rejects a ucast peer that is the node’s own address', async () => {
    const stack = heartbeatStack();
    stack.heartbeat!.interconnect = [{ nic: 'eth1', peers: { sv1: '192.168.0.2', sv2: '192.168.0.2' } }, { nic: 'eth2' }];
    expect(await pathsOf(stack, 'ucast-peer-is-self')).toEqual(['heartbeat.interconnect[0].peers.sv1']);
  });

  it('accepts each node naming the other node’s interconnect address', async () => {
    const stack = heartbeatStack();
    stack.heartbeat!.interconnect = [{ nic: 'eth1', peers: { sv1: '192.168.0.3', sv2: '192.168.0.2' } }, { nic: 'eth2' }];
    expect(await pathsOf(stack, 'ucast-peer-is-self')).toEqual([]);
    expect(await pathsOf(stack, 'ucast-peer-unknown')).toEqual([]);
  });

  it('warns about a ucast peer no other node has on that NIC', async () => {
    const stack = heartbeatStack();
    stack.heartbeat!.interconnect = { nic: 'eth1', peers: { sv1: '192.168.0.9' } };
    expect(await pathsOf(stack, 'ucast-peer-unknown')).toEqual(['heartbeat.interconnect.peers.sv1']);
    expect(await severityOf(stack, 'ucast-peer-unknown')).toEqual(['warning']);
  });

  it('rejects peers given for a node that does not exist', async () => {
    const stack = heartbeatStack();
    stack.heartbeat!.interconnect = { nic: 'eth1', peers: { sv9: '192.168.0.3' } };
    expect(await pathsOf(stack, 'unknown-reference')).toEqual(['heartbeat.interconnect.peers.sv9']);
  });
});
