import type { ClusterModel, NicModel } from '../../model/model.js';
import ipaddr from 'ipaddr.js';
import { netmask, networkAddress, type Cidr } from '../../model/network.js';
import type { VagrantNetwork } from './data.js';

/** `hactl-<cluster>-10.0.1.0-24`: one network per subnet, so nodes on the same subnet share it. */
export function networkName(cluster: string, nic: Pick<NicModel, 'address' | 'prefix'>): string {
  return `hactl-${cluster}-${networkAddress(nic)}-${nic.prefix}`;
}

export const nicIndex = (name: string): number | undefined => {
  const m = /^eth([1-9][0-9]*)$/.exec(name);
  return m ? Number(m[1]) : undefined;
};

/** A node's NICs in the order Vagrant attaches them (eth1, eth2, …); names that are not ethN sort last. */
export function orderedNics(nics: readonly NicModel[]): NicModel[] {
  return [...nics].sort((a, b) => (nicIndex(a.name) ?? Number.MAX_SAFE_INTEGER) - (nicIndex(b.name) ?? Number.MAX_SAFE_INTEGER));
}

export function machineNetworks(model: Pick<ClusterModel, 'cluster'>, nics: readonly NicModel[]): VagrantNetwork[] {
  return orderedNics(nics).map((nic) => ({
    nic: nic.name,
    ip: nic.address,
    prefix: nic.prefix,
    netmask: netmask(nic.prefix),
    network: networkName(model.cluster, nic),
  }));
}

/** The address vagrant-libvirt (and VirtualBox's host-only adapter) gives the host: the first of the subnet. */
export function hostSideAddress(cidr: Cidr): string {
  const octets = ipaddr.IPv4.parse(networkAddress(cidr)).octets;
  const value = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]! + 1;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}
