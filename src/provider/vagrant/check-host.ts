import type { ClusterModel } from '../../model/model.js';
import { machineNetworks } from '../../render/vagrant/networks.js';
import type { VagrantSettings } from '../../render/vagrant/settings.js';
import { formatDiagnostic } from '../../diagnostics/index.js';
import { parseCidr, subnetOf } from '../../model/network.js';
import { VagrantError } from './errors.js';
import { hostRoutes, libvirtBridge, networksInUse, type WantedNetwork } from './host-networks.js';

/** The networks the machines need, one per subnet, with the management network first. */
export function wantedNetworks(model: ClusterModel, settings: VagrantSettings): WantedNetwork[] {
  const wanted = new Map<string, WantedNetwork>();
  const mgmt = settings.managementNetwork;
  wanted.set(mgmt.name, { name: mgmt.name, subnet: subnetOf(parseCidr(mgmt.address)), path: 'vagrant' });
  for (const node of model.nodes) {
    for (const net of machineNetworks(model, node.nics)) {
      if (!wanted.has(net.network)) wanted.set(net.network, { name: net.network, subnet: subnetOf({ address: net.ip, prefix: net.prefix }), path: node.nics.find((n) => n.name === net.nic)?.path ?? node.path });
    }
  }
  return [...wanted.values()];
}

/** Refuses subnets the host already routes elsewhere (libvirt only: VirtualBox keeps host-only networks to itself). */
export async function assertNetworksFree(model: ClusterModel, settings: VagrantSettings): Promise<void> {
  if (settings.provider !== 'libvirt') return;
  const wanted = wantedNetworks(model, settings);
  const bridges = new Map<string, string>();
  for (const net of wanted) {
    const bridge = await libvirtBridge(net.name);
    if (bridge) bridges.set(net.name, bridge);
  }
  const issues = networksInUse(wanted, await hostRoutes(), bridges);
  if (issues.length) {
    throw new VagrantError('vagrant-invalid-stack', `${model.cluster} cannot run on Vagrant:\n${issues.map(formatDiagnostic).join('\n')}`, { issues });
  }
}
