import type { ClusterModel } from '../../model/model.js';
import { platformProfile } from '../../platform/profiles.js';
import type { LibvirtDriver, VagrantProviderName } from './data.js';

export interface VagrantSettings {
  provider: VagrantProviderName;
  box: string;
  memory: number;
  cpus: number;
  libvirtDriver: LibvirtDriver;
  managementNetwork: { name: string; address: string };
}

export type VagrantOverrides = Partial<VagrantSettings>;

// Plain emulation: the KVM of CI hosts cannot run stock guest kernels, and with kvm `vagrant up` waits forever for an IP.
const DEFAULT_DRIVER: LibvirtDriver = 'qemu';
// Isolated (no NAT): the guests reach the host and each other, nothing beyond. Named apart from vagrant-libvirt's
// default network so a NAT'ed one somebody else made is never reused.
const MANAGEMENT_NETWORK = { name: 'hactl-mgmt', address: '192.168.121.0/24' };

/** The stack's `vagrant:` section, then the caller's overrides, then defaults (box per platform profile). */
export function vagrantSettings(model: Pick<ClusterModel, 'vagrant' | 'platform'>, overrides: VagrantOverrides = {}): VagrantSettings {
  const section = model.vagrant ?? {};
  return {
    provider: overrides.provider ?? section.provider ?? 'libvirt',
    box: overrides.box ?? section.box ?? platformProfile(model.platform).vagrantBox,
    memory: overrides.memory ?? section.memory ?? 512,
    cpus: overrides.cpus ?? section.cpus ?? 1,
    libvirtDriver: overrides.libvirtDriver ?? DEFAULT_DRIVER,
    managementNetwork: overrides.managementNetwork ?? MANAGEMENT_NETWORK,
  };
}
