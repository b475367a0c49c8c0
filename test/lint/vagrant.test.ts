import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { lintModel } from '../../src/lint/index.js';
import { vagrantIssues } from '../../src/lint/checks/vagrant/index.js';
import type { ClusterModel } from '../../src/model/model.js';
import { vagrantSettings } from '../../src/render/vagrant/index.js';
import { modelOf, twoNodes } from '../provider/vagrant-fixtures.js';

const issuesOf = async (input: Parameters<typeof twoNodes>[0], settings = {}): Promise<Diagnostic[]> => {
  const model = await modelOf(twoNodes(input));
  return vagrantIssues(model, vagrantSettings(model, settings));
};
const codes = (issues: Diagnostic[]): string[] => issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.path}`);

describe('hactl checks a stack before vagrant runs', () => {
  it('accepts the two-node stack as it is', async () => {
    expect(codes(await issuesOf({}))).toEqual([]);
  });

  it('refuses a NIC called eth0, which is the Vagrant management NIC', async () => {
    const issues = await issuesOf({ nodes: { lb1: { nics: { eth0: '10.231.9.11/24' } }, lb2: { nics: { eth1: '10.231.9.12/24' } } } });
    expect(codes(issues)).toEqual(['vagrant-nic-name nodes.lb1.nics.eth0']);
    expect(issues[0]!.message).toContain('management NIC');
  });

  it('refuses NIC numbers with a gap, since Vagrant numbers the NICs it attaches in order', async () => {
    const issues = await issuesOf({ nodes: { lb1: { nics: { eth1: '10.231.9.11/24', eth3: '10.231.8.11/24' } }, lb2: { nics: { eth1: '10.231.9.12/24' } } } });
    expect(codes(issues)).toEqual(['vagrant-nic-name nodes.lb1.nics']);
  });

  it.each([
    ['the network address', '10.231.9.0/24', 'vagrant-invalid-address'],
    ['the broadcast address', '10.231.9.255/24', 'vagrant-invalid-address'],
    ['a public address', '8.8.8.11/24', 'vagrant-invalid-address'],
    ['a /31 with no room for the host', '10.231.9.11/31', 'vagrant-invalid-address'],
    ["the host's own address on the private network", '10.231.9.1/24', 'vagrant-address-clash'],
    ["the other node's address", '10.231.9.12/24', 'vagrant-address-clash'],
    ['an overlapping subnet of another prefix', '10.231.9.13/16', 'vagrant-address-clash'],
    ['a subnet inside the management network', '192.168.121.11/24', 'vagrant-address-clash'],
  ])('refuses %s (%s)', async (_what, address, code) => {
    const issues = await issuesOf({ nodes: { lb1: { nics: { eth1: '10.231.9.12/24' } }, lb2: { nics: { eth1: address } } } });
    expect(codes(issues)).toContain(`${code} nodes.lb2.nics.eth1`);
  });

  it('refuses two NICs of one node on the same subnet', async () => {
    const issues = await issuesOf({ nodes: { lb1: { nics: { eth1: '10.231.9.11/24', eth2: '10.231.9.13/24' } }, lb2: { nics: { eth1: '10.231.9.12/24' } } } });
    expect(codes(issues)).toEqual(['vagrant-address-clash nodes.lb1.nics.eth2']);
  });

  it("refuses a VIP that is the host's own address on the network", async () => {
    const input = twoNodes();
    input.vrrp![0]!.vips = ['10.231.9.1'];
    const model = await modelOf(input);
    expect(codes(vagrantIssues(model, vagrantSettings(model)))).toEqual(['vagrant-address-clash vrrp[0].vips[0]']);
  });

  it('refuses one host port forwarded by two machines', async () => {
    const issues = await issuesOf({
      nodes: {
        lb1: { nics: { eth1: '10.231.9.11/24' }, forwardedPorts: [{ id: 'ssh', guest: 22, host: 2122 }] },
        lb2: { nics: { eth1: '10.231.9.12/24' }, forwardedPorts: [{ id: 'ssh', guest: 22, host: 2122 }] },
      },
    });
    expect(codes(issues)).toEqual(['vagrant-port-clash nodes.lb2.forwardedPorts[0]']);
    expect(issues.find((i) => i.code === 'vagrant-port-clash')?.message).toContain('nodes.lb1.forwardedPorts[0]');
  });

  it('refuses one guest port or one id forwarded twice on a machine', async () => {
    const issues = await issuesOf({
      nodes: {
        lb1: { nics: { eth1: '10.231.9.11/24' }, forwardedPorts: [{ id: 'web', guest: 80, host: 8080 }, { id: 'web', guest: 80, host: 8081 }] },
        lb2: { nics: { eth1: '10.231.9.12/24' } },
      },
    });
    expect(codes(issues)).toEqual(['vagrant-port-clash nodes.lb1.forwardedPorts[1]', 'vagrant-port-clash nodes.lb1.forwardedPorts[1]']);
  });

  it('catches an address that slipped past the schema (a stack built in code)', async () => {
    const model = await modelOf(twoNodes());
    const broken: ClusterModel = { ...model, nodes: model.nodes.map((n, i) => (i === 0 ? { ...n, nics: [{ ...n.nics[0]!, address: '0x0a.231.9.11' }] } : n)) };
    expect(codes(vagrantIssues(broken, vagrantSettings(broken)))).toEqual(['vagrant-invalid-address nodes.lb1.nics.eth1']);
  });

  it("warns that vagrant-libvirt drops an `ssh` forwarded port (seed 001's 2122)", async () => {
    const issues = await issuesOf({});
    expect(codes(issues)).toEqual([]);
    expect(issues.filter((i) => i.code === 'vagrant-ssh-forward-ignored').map((i) => i.path)).toEqual(['nodes.lb1.forwardedPorts[0]', 'nodes.lb2.forwardedPorts[0]']);
  });

  it('only warns when VirtualBox would need networks.conf for the range', async () => {
    const issues = await issuesOf({}, { provider: 'virtualbox' });
    expect(codes(issues)).toEqual([]);
    expect(issues.map((i) => i.code)).toContain('vagrant-host-only-range');
  });

  it('runs with the semantic checks, at the field, for a stack with a vagrant section', async () => {
    const model = await modelOf(twoNodes({ nodes: { lb1: { nics: { eth0: '10.231.9.11/24' } }, lb2: { nics: { eth1: '10.231.9.12/24' } } } }));
    const found = lintModel(model, { resolveSecrets: false }).filter((d) => d.code.startsWith('vagrant-'));
    expect(found.map((d) => `${d.severity} ${d.code} ${d.path}`)).toEqual(['error vagrant-nic-name nodes.lb1.nics.eth0']);
    expect(found[0]!.hint).toBeTruthy();
  });

  it('leaves a stack without a vagrant section alone', async () => {
    const { vagrant: _, ...input } = twoNodes({ nodes: { lb1: { nics: { eth0: '10.231.9.11/24' } }, lb2: { nics: { eth0: '10.231.9.12/24' } } } });
    const model = await modelOf(input);
    expect(lintModel(model, { resolveSecrets: false }).filter((d) => d.code.startsWith('vagrant-'))).toEqual([]);
  });
});
