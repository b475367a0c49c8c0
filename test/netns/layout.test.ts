import { describe, expect, it } from 'vitest';
import { Lab, LabError } from '../../src/netns/index.js';
import { resolveLayout } from '../../src/netns/layout.js';
import { twoNodeSpec } from './two-node-spec.js';

function specError(change: (spec: ReturnType<typeof twoNodeSpec>) => void): LabError {
  const spec = twoNodeSpec('t');
  change(spec);
  try {
    resolveLayout(spec);
  } catch (err) {
    if (err instanceof LabError) return err;
    throw err;
  }
  throw new Error('expected the spec to be rejected');
}

describe('lab layout', () => {
  it('names namespaces after the lab and keeps switch-side interfaces within 15 characters', () => {
    const layout = resolveLayout(twoNodeSpec('qs'));
    expect(layout.members.map((m) => m.netns)).toEqual(['hactl-qs.n1', 'hactl-qs.n2', 'hactl-qs.client']);
    expect(layout.switchNetns).toBe('hactl-qs._switch');
    expect(layout.gatewayNetns).toBe('hactl-qs._gw');
    const names = layout.members.flatMap((m) => m.nics.flatMap((n) => [n.name, n.switchPort]));
    for (const name of names) expect(name.length).toBeLessThanOrEqual(15);
  });

  it('isolates the filesystem of nodes but not of clients by default', () => {
    const layout = resolveLayout(twoNodeSpec('qs'));
    expect(layout.members.map((m) => [m.name, m.isolateFs])).toEqual([['n1', true], ['n2', true], ['client', false]]);
  });

  it('takes the prefix from the network when an address has none', () => {
    const spec = twoNodeSpec('qs');
    spec.nodes[0]!.nics[0]!.address = '172.16.0.11';
    expect(resolveLayout(spec).members[0]!.nics[0]).toMatchObject({ address: '172.16.0.11', prefix: 24 });
  });

  it.each([
    ['a lab name with a dot', (s: ReturnType<typeof twoNodeSpec>) => { s.name = 'a.b'; }],
    ['an address outside its network', (s: ReturnType<typeof twoNodeSpec>) => { s.nodes[0]!.nics[0]!.address = '192.168.1.1/24'; }],
    ['an address used twice', (s: ReturnType<typeof twoNodeSpec>) => { s.nodes[1]!.nics[0]!.address = '172.16.0.11/24'; }],
    ['an unknown network', (s: ReturnType<typeof twoNodeSpec>) => { s.nodes[0]!.nics[0]!.network = 'nope'; }],
    ['a NIC name longer than 15 characters', (s: ReturnType<typeof twoNodeSpec>) => { s.nodes[0]!.nics[0]!.name = 'eth0-much-too-long'; }],
    ['two members with one name', (s: ReturnType<typeof twoNodeSpec>) => { s.clients![0]!.name = 'n1'; }],
    ['a non-decimal address', (s: ReturnType<typeof twoNodeSpec>) => { s.nodes[0]!.nics[0]!.address = '0xac.16.0.11/24'; }],
    ['a private dir under /etc', (s: ReturnType<typeof twoNodeSpec>) => { s.nodes[0]!.privateDirs = ['/etc/ha.d']; }],
  ])('rejects %s', (_, change) => {
    expect(specError(change).code).toBe('lab-spec-invalid');
  });

  it('names the unknown member when asked for one', () => {
    const lab = new Lab(twoNodeSpec('qs'));
    expect(() => lab.enterArgv('n3')).toThrowError(expect.objectContaining({ code: 'lab-unknown-member' }));
    expect(lab.enterArgv('client')).toEqual(['nsenter', '--net=/run/netns/hactl-qs.client', '--']);
    expect(lab.enterArgv('n1')).toEqual([
      'nsenter', '--net=/run/netns/hactl-qs.n1', '--mount=/run/hactl/lab/qs/ns/n1.mnt', '--uts=/run/hactl/lab/qs/ns/n1.uts', '--',
    ]);
  });
});
