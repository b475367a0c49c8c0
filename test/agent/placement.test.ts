import { describe, expect, it } from 'vitest';
import type { AgentConfig } from '../../src/agent/config/index.js';
import { computeQuorum } from '../../src/agent/membership/quorum.js';
import { AdminState } from '../../src/agent/placement/admin.js';
import { place, type NodeFacts } from '../../src/agent/placement/place.js';
import type { GroupRunState } from '../../src/agent/protocol/report.js';
import { twoNodeConfig } from './helpers.js';

interface NodeSpec {
  alive?: boolean;
  web?: GroupRunState;
  banned?: boolean;
  ping?: number;
  phase?: NodeFacts['phase'];
}

function facts(spec: Record<string, NodeSpec>): NodeFacts[] {
  return Object.entries(spec).map(([name, s]) => ({
    name,
    alive: s.alive ?? true,
    phase: s.phase ?? 'active',
    pingReachable: s.ping ?? 0,
    groups: { web: { state: s.web ?? 'stopped', banned: s.banned ?? false } },
  }));
}

function decide(config: AgentConfig, spec: Record<string, NodeSpec>, admin = new AdminState('sv1')) {
  const nodes = facts(spec);
  const quorum = computeQuorum(config.quorum, nodes.filter((n) => n.alive).length);
  return place({ config, nodes, admin: admin.view(), quorum }).get('web')!;
}

describe('placement', () => {
  const off = twoNodeConfig({ autoFailback: false });
  const on = twoNodeConfig({ autoFailback: true });

  it('puts a stopped group on the preferred node', () => {
    expect(decide(off, { sv1: {}, sv2: {} })).toMatchObject({ target: 'sv1', mayStart: true, reason: 'preferred node sv1' });
  });

  it('moves the group to the survivor when the active node dies', () => {
    expect(decide(off, { sv1: { alive: false, web: 'running' }, sv2: {} })).toMatchObject({ target: 'sv2', mayStart: true });
  });

  it('keeps the group where it runs when the old master returns, with auto_failback off', () => {
    expect(decide(off, { sv1: {}, sv2: { web: 'running' } })).toMatchObject({ target: 'sv2', reason: 'stays on sv2 (auto_failback off)' });
  });

  it('gives the group back to the preferred node with auto_failback on, after the holder stops it', () => {
    const d = decide(on, { sv1: {}, sv2: { web: 'running' } });
    expect(d).toMatchObject({ target: 'sv1', mayStart: false, waitingFor: 'sv2 to stop it' });
    expect(decide(on, { sv1: {}, sv2: { web: 'stopping' } }).mayStart).toBe(false);
    expect(decide(on, { sv1: {}, sv2: {} }).mayStart).toBe(true);
  });

  it('moves everything off a node in standby and lets it stay away after online (auto_failback off)', () => {
    const admin = new AdminState('sv1');
    admin.set('standby:sv1', true);
    expect(decide(off, { sv1: { web: 'running' }, sv2: {} }, admin)).toMatchObject({ target: 'sv2', mayStart: false });
    admin.set('standby:sv1', false);
    expect(decide(off, { sv1: {}, sv2: { web: 'running' } }, admin).target).toBe('sv2');
  });

  it('follows move over stickiness, and unmove leaves it where it is (auto_failback off)', () => {
    const admin = new AdminState('sv1');
    admin.set('move:web', 'sv2');
    expect(decide(off, { sv1: { web: 'running' }, sv2: {} }, admin)).toMatchObject({ target: 'sv2', reason: 'moved to sv2' });
    admin.set('move:web', null);
    expect(decide(off, { sv1: {}, sv2: { web: 'running' } }, admin).target).toBe('sv2');
    expect(decide(on, { sv1: {}, sv2: { web: 'running' } }, admin).target).toBe('sv1');
  });

  it('moves a group away from a node that reached the migration threshold', () => {
    expect(decide(off, { sv1: { web: 'running', banned: true }, sv2: {} })).toMatchObject({ target: 'sv2' });
    expect(decide(off, { sv1: { banned: true }, sv2: { banned: true } })).toMatchObject({ target: null });
  });

  it('stops the group in a partition without quorum (policy stop) and keeps it with freeze', () => {
    const three = (policy: string, autoFailback = false) =>
      twoNodeConfig({
        autoFailback,
        quorum: { policy },
        nodes: [
          { name: 'sv1', addresses: { ic: '10.0.0.1' } },
          { name: 'sv2', addresses: { ic: '10.0.0.2' } },
          { name: 'sv3', addresses: { ic: '10.0.0.3' } },
        ],
      });
    const minority = { sv1: { web: 'running' as const }, sv2: { alive: false }, sv3: { alive: false } };
    expect(decide(three('stop'), minority)).toMatchObject({ target: null, reason: expect.stringMatching(/no quorum/) });
    expect(decide(three('freeze'), minority)).toMatchObject({ target: 'sv1', mayStart: false });
    expect(decide(three('ignore'), minority)).toMatchObject({ target: 'sv1' });
    const majority = { sv1: { alive: false, web: 'running' as const }, sv2: {}, sv3: {} };
    expect(decide(three('stop'), majority)).toMatchObject({ target: 'sv2', mayStart: true });
  });

  it('lets a node that reaches no ping node hold nothing', () => {
    const c = twoNodeConfig({ ping: { targets: ['172.16.0.254'] } });
    expect(decide(c, { sv1: { ping: 0, web: 'running' }, sv2: { ping: 1 } })).toMatchObject({ target: 'sv2' });
    expect(decide(c, { sv1: { ping: 1 }, sv2: { ping: 1 } })).toMatchObject({ target: 'sv1' });
  });

  it('resolves a healed partition deterministically: both sides pick the same winner', () => {
    const healed = { sv1: { web: 'running' as const, ping: 1 }, sv2: { web: 'running' as const, ping: 1 } };
    const d = decide(off, healed);
    expect(d).toMatchObject({ target: 'sv1', dualActive: true, holders: ['sv1', 'sv2'] });
    // Same facts in another order (as the other node lists them) give the same answer.
    const reversed = facts(healed).reverse();
    const again = place({ config: off, nodes: reversed, admin: new AdminState('sv2').view(), quorum: computeQuorum(off.quorum, 2) }).get('web')!;
    expect(again.target).toBe('sv1');
    const moved = new AdminState('sv2');
    moved.set('move:web', 'sv2');
    expect(decide(off, healed, moved).target).toBe('sv2');
  });

  it('waits for settling peers before starting anything', () => {
    expect(decide(off, { sv1: {}, sv2: { phase: 'settling' } })).toMatchObject({ target: 'sv1', mayStart: false, waitingFor: 'sv2 to settle' });
  });

  it('does not start a group a peer sees running on a node we cannot hear yet (partition heal)', () => {
    const nodes = facts({ sv1: {}, sv2: { alive: false, web: 'running' } });
    nodes.push({ name: 'sv3', alive: true, phase: 'active', pingReachable: 0, groups: {}, holders: { web: ['sv2'] } });
    const c = twoNodeConfig({ nodes: ['sv1', 'sv2', 'sv3'].map((name, i) => ({ name, addresses: { ic: `10.0.0.${i + 1}` } })) });
    const d = place({ config: c, nodes, admin: new AdminState('sv1').view(), quorum: computeQuorum(c.quorum, 2) }).get('web')!;
    expect(d).toMatchObject({ target: 'sv1', mayStart: false, waitingFor: 'sv2 (seen holding it by a peer)' });
  });

  it('ignores a node that is shutting down', () => {
    expect(decide(off, { sv1: { phase: 'leaving', web: 'stopping' }, sv2: {} })).toMatchObject({ target: 'sv2', mayStart: false });
    expect(decide(off, { sv1: { phase: 'leaving' }, sv2: {} })).toMatchObject({ target: 'sv2', mayStart: true });
  });

  it('honours location scores, colocation and order between groups', () => {
    const c = twoNodeConfig({
      groups: [
        { name: 'db', location: { sv2: 200 }, members: [{ id: 'dbr', class: 'tcp', port: 5432 }] },
        { name: 'web', preferred: 'sv1', members: [{ id: 'webr', class: 'tcp', port: 80 }] },
        { name: 'batch', location: { sv1: '-INFINITY' }, members: [{ id: 'br', class: 'tcp', port: 1 }] },
      ],
      colocations: [{ group: 'web', with: 'db', score: 'INFINITY' }],
      orders: [{ first: 'db', then: 'web' }],
    });
    const nodes: NodeFacts[] = ['sv1', 'sv2'].map((name) => ({ name, alive: true, phase: 'active', pingReachable: 0, groups: {} }));
    const d = place({ config: c, nodes, admin: new AdminState('sv1').view(), quorum: computeQuorum(c.quorum, 2) });
    expect(d.get('db')).toMatchObject({ target: 'sv2', mayStart: true });
    expect(d.get('web')).toMatchObject({ target: 'sv2', mayStart: false, waitingFor: 'order: db must run first' });
    expect(d.get('batch')).toMatchObject({ target: 'sv2' });
  });

  it('stops a group disabled by on-fail=stop everywhere', () => {
    const admin = new AdminState('sv1');
    admin.set('disable:web', true);
    expect(decide(off, { sv1: { web: 'running' }, sv2: {} }, admin)).toMatchObject({ target: null });
  });
});

describe('admin registers', () => {
  it('converge on the newest write whatever the order of arrival', () => {
    const a = new AdminState('sv1');
    const b = new AdminState('sv2');
    const w1 = a.set('standby:sv1', true);
    b.merge(w1);
    const w2 = b.set('standby:sv1', false);
    expect(a.merge(w2)).toBeDefined();
    expect(b.merge(w1)).toBeUndefined();
    expect(a.view().standby.has('sv1')).toBe(false);
    expect(b.view().standby.has('sv1')).toBe(false);
    // concurrent writes with the same version: the higher origin wins on both sides
    const x = new AdminState('sv1');
    const y = new AdminState('sv2');
    const wx = x.set('move:web', 'sv1');
    const wy = y.set('move:web', 'sv2');
    x.merge(wy);
    y.merge(wx);
    expect(x.view().moves.get('web')).toBe('sv2');
    expect(y.view().moves.get('web')).toBe('sv2');
  });
});
