import { describe, expect, it } from 'vitest';
import { networksInUse, wantedNetworks } from '../../src/provider/vagrant/index.js';
import { vagrantSettings } from '../../src/render/vagrant/index.js';
import { modelOf, twoNodes } from './vagrant-fixtures.js';

describe('subnets the host already uses', () => {
  it('wants the management network and one network per stack subnet', async () => {
    const model = await modelOf(twoNodes());
    expect(wantedNetworks(model, vagrantSettings(model)).map((n) => [n.name, n.subnet, n.path])).toEqual([
      ['hactl-mgmt', '192.168.121.0/24', 'vagrant'],
      ['hactl-vt-10.231.9.0-24', '10.231.9.0/24', 'nodes.lb1.nics.eth1'],
    ]);
  });

  it("refuses a subnet on a route of the host's real network, or another lab's bridge", async () => {
    const model = await modelOf(twoNodes());
    const wanted = wantedNetworks(model, vagrantSettings(model));
    const routes = [{ dst: 'default', dev: 'eth0' }, { dst: '10.231.0.0/16', dev: 'eth0' }, { dst: '192.168.121.0/24', dev: 'virbr9' }];
    expect(networksInUse(wanted, routes, new Map()).map((i) => [i.code, i.path])).toEqual([
      ['vagrant-network-in-use', 'vagrant'],
      ['vagrant-network-in-use', 'nodes.lb1.nics.eth1'],
    ]);
  });

  it('accepts the routes on the bridges of the networks hactl made itself (a second up)', async () => {
    const model = await modelOf(twoNodes());
    const wanted = wantedNetworks(model, vagrantSettings(model));
    const routes = [{ dst: '192.168.121.0/24', dev: 'virbr1' }, { dst: '10.231.9.0/24', dev: 'virbr2' }];
    expect(networksInUse(wanted, routes, new Map([['hactl-mgmt', 'virbr1'], ['hactl-vt-10.231.9.0-24', 'virbr2']]))).toEqual([]);
  });
});
