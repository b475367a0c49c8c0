import { describe, expect, it } from 'vitest';
import { buildVagrantData, vagrantSettings, type VagrantData } from '../../src/render/vagrant/index.js';
import { modelOf, stackModel, twoNodes } from './vagrant-fixtures.js';

const dataOf = async (file: string): Promise<VagrantData> => {
  const model = await stackModel(file);
  return buildVagrantData(model, vagrantSettings(model));
};

describe('the Vagrant data hactl renders', () => {
  it("puts seed 001's machines on one network per subnet, NICs in eth order, forwarded ports on loopback", async () => {
    const data = await dataOf('001-web-pacemaker-heartbeat.yaml');
    expect(data.provider).toBe('virtualbox');
    expect(data.box).toBe('centos65_64');
    const s1 = data.machines[0]!;
    expect(s1.networks.map((n) => [n.nic, n.ip, n.netmask, n.network])).toEqual([
      ['eth1', '192.168.1.121', '255.255.255.0', 'hactl-web-192.168.1.0-24'],
      ['eth2', '192.168.9.121', '255.255.255.0', 'hactl-web-192.168.9.0-24'],
    ]);
    expect(s1.forwardedPorts).toEqual([{ id: 'ssh', guest: 22, host: 2122, hostIp: '127.0.0.1' }]);
  });

  it('runs the crm script once, on the last machine, after `crm node status` works (seed 001)', async () => {
    const data = await dataOf('001-web-pacemaker-heartbeat.yaml');
    expect(data.clusterMachine).toBe('s2');
    expect(data.clusterStep).toMatchObject({ wait: 'crm node status', run: 'crm configure < /var/lib/hactl/crm-configure.crm', settleSeconds: 5 });
    expect(data.services).toEqual(['heartbeat']);
  });

  it('enables keepalived and takes the box and package list from the platform profile', async () => {
    const data = await dataOf('vagrant-keepalived.yaml');
    expect(data).toMatchObject({ provider: 'libvirt', box: 'hactl/debian12', packages: ['keepalived', 'iptables', 'iptables-persistent'], services: ['keepalived'] });
    expect(data.clusterStep).toBeUndefined();
    expect(data.libvirt).toEqual({ driver: 'qemu', domainPrefix: 'hactl-vkeep-', managementNetwork: { name: 'hactl-mgmt', address: '192.168.121.0/24' } });
  });

  it("gives each node of seed 003 on Vagrant a second virtio disk for DRBD's /dev/vdb, and other stacks none", async () => {
    const data = await dataOf('vagrant-drbd.yaml');
    expect(data.machines.map((m) => [m.name, m.disks])).toEqual([['dm', [{ device: 'vdb', sizeMb: 512 }]], ['ds', [{ device: 'vdb', sizeMb: 512 }]]]);
    expect((await dataOf('vagrant-keepalived.yaml')).machines.map((m) => m.disks)).toEqual([undefined, undefined]);
  });

  it("gives seed 003's DRBD agent LINBIT's start and stop timeouts: Pacemaker's 20 s fails a start on a VM that just booted", async () => {
    const model = await stackModel('vagrant-drbd.yaml');
    const drbd = model.resources.find((r) => r.kind === 'drbd')!;
    const timeouts = drbd.kind === 'drbd' ? Object.fromEntries(drbd.ops.map((o) => [o.name, o.timeoutMs])) : {};
    expect(timeouts).toMatchObject({ start: 240_000, stop: 100_000 });
  });

  it('orders NICs by their number, not by how the stack lists them', async () => {
    const model = await modelOf(twoNodes({ nodes: { lb1: { nics: { eth2: '10.231.8.11/24', eth1: '10.231.9.11/24' } }, lb2: { nics: { eth1: '10.231.9.12/24' } } } }));
    const data = buildVagrantData(model, vagrantSettings(model));
    expect(data.machines[0]!.networks.map((n) => n.nic)).toEqual(['eth1', 'eth2']);
  });

  it('lets the caller override provider, box and driver', async () => {
    const model = await modelOf(twoNodes());
    const settings = vagrantSettings(model, { provider: 'virtualbox', box: 'my/box', libvirtDriver: 'kvm', memory: 1024 });
    expect(buildVagrantData(model, settings)).toMatchObject({ provider: 'virtualbox', box: 'my/box', memory: 1024, libvirt: { driver: 'kvm' } });
  });
});
