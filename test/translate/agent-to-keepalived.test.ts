import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { agentToKeepalived } from '../../src/translate/agent-to-keepalived.js';
import { applied, itemOf, onDebian, rules, stack } from './support.js';



/** The quickstart with its VIP alone: what VRRP can carry. */
async function vipOnly(): Promise<ClusterInput> {
  const input = await stack('quickstart');
  const [web] = input.resources as [Extract<NonNullable<ClusterInput['resources']>[number], { group: string }>];
  return { ...input, resources: [{ ...web, members: [web.members[0]!] }] };
}

describe('agent → keepalived', () => {
  it('blocks the quickstart’s service: VRRP cannot order services in a group', async () => {
    const { report } = applied(agentToKeepalived, await stack('quickstart'));
    expect(itemOf(report, 'vrrp-no-services')).toMatchObject({
      kind: 'blocked',
      path: 'resources[0].members[1]',
      what: 'exec hello in group web',
      why: expect.stringContaining('VRRP cannot order services in a group'),
    });
  });

  it('turns a group of VIPs into a VRRP instance, its preferred node the MASTER, sub-second heartbeats as VRRPv3', async () => {
    const { draft, report } = applied(agentToKeepalived, await vipOnly());
    expect(draft.runtime).toBe('keepalived');
    expect(draft.heartbeat).toBeUndefined();
    expect(draft.auth).toBeUndefined();
    expect(draft.vrrp).toEqual([
      {
        name: 'web',
        interface: 'eth0',
        vrid: 51,
        version: 3,
        advertInt: '100ms',
        nodes: { qs1: { state: 'MASTER', priority: 150 }, qs2: { state: 'BACKUP', priority: 100 } },
        vips: ['10.201.0.100/24'],
        unicast: true,
        nopreempt: true,
        track: ['chk_ping'],
      },
    ]);
    expect(draft.keepalived?.scripts).toEqual({ chk_ping: { script: '/bin/ping -c 1 -W 1 10.201.0.1', interval: '2s', weight: -51, fall: 2, rise: 2 } });
    expect(rules(report)).toEqual([
      'changed runtime-keepalived runtime',
      'changed vip-ops-dropped resources[0].members[0]',
      'changed failure-counting-dropped resources[0]',
      'changed group-to-vrrp resources[0]',
      'changed vrrp-links heartbeat.interconnect[0]',
      'mapped vrrp-links heartbeat.interconnect[1]',
      'changed vrrp-timings heartbeat.keepalive',
      'mapped preempt heartbeat.autoFailback',
      'changed ping-track heartbeat.ping',
      'mapped property-dropped properties.no-quorum-policy',
      'changed vrrp-no-auth auth',
    ]);
  });

  it('blocks several ping nodes, which one track script per node cannot weigh as the agent does', async () => {
    const input = await vipOnly();
    input.heartbeat!.ping = ['10.201.0.1', '10.201.0.2'];
    expect(itemOf(applied(agentToKeepalived, input).report, 'ping-track').kind).toBe('blocked');
  });

  it('blocks constraints: VRRP instances are independent', async () => {
    const input = { ...(await vipOnly()), constraints: [{ location: { rsc: 'web', node: 'qs2', score: 50 } }] };
    expect(itemOf(applied(agentToKeepalived, input).report, 'vrrp-constraints')).toMatchObject({ kind: 'blocked', path: 'constraints[0]' });
  });

  it('goes back to keepalived from the agent stack keepalived → agent made of seed 002', async () => {
    const { keepalivedToAgent } = await import('../../src/translate/keepalived-to-agent.js');
    const agent = structuredClone(await stack('002-vrrp-keepalived'));
    keepalivedToAgent.apply(agent, onDebian);
    const { draft, report } = applied(agentToKeepalived, agent);
    expect(report.filter((i) => i.kind === 'blocked')).toEqual([]);
    expect(draft.vrrp).toMatchObject([{ name: 'VI_1', interface: 'eth0', vrid: 51, advertInt: '1s', notify: { master: '/etc/keepalived/hoge.sh', backup: '/etc/keepalived/hage.sh' } }]);
    expect(draft.vrrp![0]!.vips).toHaveLength(23);
  });
});
