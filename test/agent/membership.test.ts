import { describe, expect, it } from 'vitest';
import { Membership, type MembershipEvent } from '../../src/agent/membership/members.js';
import { computeQuorum } from '../../src/agent/membership/quorum.js';
import { ManualClock } from './helpers.js';

const timings = { keepaliveMs: 10, warntimeMs: 20, deadtimeMs: 30, initdeadMs: 100 };

function setup(nodes = ['a', 'b', 'c'], links = ['ic', 'svc']) {
  const clock = new ManualClock();
  const events: Array<MembershipEvent & { at: number }> = [];
  const m = new Membership({ self: 'a', nodes, links, timings, clock, onEvent: (e) => events.push({ ...e, at: clock.now() }) });
  m.start();
  const nodeEvents = () => events.filter((e) => e.kind === 'node').map((e) => `${e.at} ${e.node} ${e.from}->${e.to}`);
  const linkEvents = () => events.filter((e) => e.kind === 'link').map((e) => `${e.at} ${e.node}/${(e as { link: string }).link} ${e.from}->${e.to}`);
  /** b sends a heartbeat every keepalive on the given links until `until`. */
  const beat = (node: string, from: number, until: number, on = links) => {
    for (let t = from; t <= until; t += timings.keepaliveMs) {
      clock.advance(t - clock.now());
      for (const l of on) m.heard(node, l);
    }
  };
  return { clock, m, events, nodeEvents, linkEvents, beat };
}

describe('membership', () => {
  it('is up on the first heartbeat, warn after warntime, dead after deadtime of silence', () => {
    const { clock, m, nodeEvents, beat } = setup(['a', 'b']);
    beat('b', 5, 55);
    expect(m.status('b')).toBe('up');
    clock.advance(100);
    expect(nodeEvents()).toEqual(['5 b init->up', '75 b up->warn', '85 b warn->dead']);
  });

  it('never warns while heartbeats keep coming at keepalive', () => {
    const { m, nodeEvents, beat } = setup(['a', 'b']);
    beat('b', 0, 10_000);
    expect(m.status('b')).toBe('up');
    expect(nodeEvents()).toEqual(['0 b init->up']);
  });

  it('comes back from warn without being declared dead', () => {
    const { clock, m, nodeEvents } = setup(['a', 'b']);
    m.heard('b', 'ic');
    clock.advance(25);
    m.heard('b', 'ic');
    clock.advance(5);
    expect(nodeEvents()).toEqual(['0 b init->up', '20 b up->warn', '25 b warn->up']);
  });

  it('declares nodes never heard dead at initdead, not before', () => {
    const { clock, m, nodeEvents } = setup(['a', 'b']);
    clock.advance(99);
    expect(m.status('b')).toBe('init');
    expect(m.settled()).toBe(false);
    clock.advance(1);
    expect(nodeEvents()).toEqual(['100 b init->dead']);
    expect(m.settled()).toBe(true);
  });

  it('gives up on silent nodes after deadtime once a running cluster answered', () => {
    const { m, nodeEvents, beat } = setup(['a', 'b', 'c']);
    beat('b', 5, 5);
    m.shortenInitdead();
    beat('b', 15, 45);
    expect(nodeEvents()).toEqual(['5 b init->up', '30 c init->dead']);
  });

  it("does not count a freeze of this process as the peer's silence; a peer silent after the thaw is dead within deadtime", () => {
    const { clock, m, events, nodeEvents, beat } = setup(['a', 'b']);
    const stalls = () => events.flatMap((e) => (e.kind === 'stall' ? [e.ms] : []));
    beat('b', 0, 50);
    clock.freeze(60); // the machine stops for 60 ms after b's last heartbeat
    clock.advance(0);
    // measured from the overdue timer: a lower bound of the freeze, above one heartbeat interval
    expect(stalls()).toHaveLength(1);
    expect(stalls()[0]).toBeGreaterThan(timings.keepaliveMs);
    expect(stalls()[0]).toBeLessThanOrEqual(60);
    expect(m.status('b')).toBe('up');
    beat('b', 112, 192); // b thaws too and goes on
    expect(nodeEvents()).toEqual(['0 b init->up']);
    clock.freeze(45); // frozen again (to 237), and b does not come back this time
    clock.advance(0);
    expect(stalls()).toHaveLength(2);
    expect(m.status('b')).toBe('up');
    clock.advance(timings.deadtimeMs);
    const dead = events.find((e) => e.kind === 'node' && e.to === 'dead');
    expect(dead?.at).toBeGreaterThan(237);
    expect(dead?.at).toBeLessThanOrEqual(237 + timings.deadtimeMs);
  });

  it('counts timers firing a little late (under one heartbeat interval) as normal jitter', () => {
    const { clock, m, events, nodeEvents, beat } = setup(['a', 'b']);
    beat('b', 0, 50);
    clock.advance(19); // 69: one ms before warntime
    clock.freeze(10); // the warn timer fires 9 ms late
    clock.advance(0);
    clock.advance(30);
    expect(events.some((e) => e.kind === 'stall')).toBe(false);
    expect(nodeEvents()).toEqual(['0 b init->up', '79 b up->warn', '80 b warn->dead']);
    expect(m.status('b')).toBe('dead');
  });

  it('tracks each link on its own: one link down is not a dead node', () => {
    const { clock, m, nodeEvents, linkEvents, beat } = setup(['a', 'b'], ['ic', 'svc']);
    beat('b', 0, 50, ['ic', 'svc']);
    beat('b', 60, 200, ['svc']);
    expect(m.status('b')).toBe('up');
    expect(nodeEvents()).toEqual(['0 b init->up']);
    expect(linkEvents()).toEqual(['0 b/ic init->up', '0 b/svc init->up', '80 b/ic up->down']);
    const snap = m.snapshot()[0]!;
    expect(snap.links).toEqual([{ link: 'ic', status: 'down', silentMs: 150 }, { link: 'svc', status: 'up', silentMs: 0 }]);
    clock.advance(29);
    expect(m.status('b')).toBe('warn');
  });

  it('marks a node that announced its shutdown as left at once, and up again when it returns', () => {
    const { clock, m, nodeEvents } = setup(['a', 'b'], ['ic']);
    m.heard('b', 'ic');
    clock.advance(5);
    m.left('b');
    expect(m.isAlive('b')).toBe(false);
    clock.advance(100);
    m.heard('b', 'ic');
    expect(nodeEvents()).toEqual(['0 b init->up', '5 b up->left', '105 b left->up']);
  });
});

describe('quorum', () => {
  const q = (votes: number, expectedVotes: number, twoNode = true) => computeQuorum({ policy: 'stop', expectedVotes, twoNode }, votes).quorate;
  it('needs a strict majority', () => {
    expect([q(1, 3), q(2, 3), q(3, 3)]).toEqual([false, true, true]);
    expect([q(2, 4), q(3, 4)]).toEqual([false, true]);
  });
  it('lets one of two nodes keep quorum with twoNode', () => {
    expect(q(1, 2)).toBe(true);
    expect(q(1, 2, false)).toBe(false);
  });
});

describe('carrier', () => {
  it('reads link state from ip -o link and ip monitor lines', async () => {
    const { parseLinkLine } = await import('../../src/agent/membership/carrier.js');
    expect(parseLinkLine('3: eth1@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 0a:00:00:00:00:01')).toEqual({ iface: 'eth1', up: true });
    expect(parseLinkLine('3: eth1@if7: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN group default')).toEqual({ iface: 'eth1', up: false });
    expect(parseLinkLine('2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN group default')).toEqual({ iface: 'eth0', up: false });
    expect(parseLinkLine('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT')).toEqual({ iface: 'lo', up: true });
    expect(parseLinkLine('Deleted 4: eth2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP')).toEqual({ iface: 'eth2', up: false });
    expect(parseLinkLine('    link/ether 0a:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff')).toBeUndefined();
  });
});
