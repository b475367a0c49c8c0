import type { PlatformName } from '../../model/model.js';

/** Where the Vagrant data sits in a rendered tree: `_vagrant/stack.json`, next to the nodes' files and manifest.json. */
export const VAGRANT_SCOPE = '_vagrant';
export const VAGRANT_DATA_PATH = '/stack.json';
export const VAGRANT_DATA_VERSION = 1;

export type VagrantProviderName = 'libvirt' | 'virtualbox';
export type LibvirtDriver = 'qemu' | 'kvm';

export interface VagrantNetwork {
  /** the guest NIC: eth1, eth2, … (eth0 is Vagrant's management NIC) */
  nic: string;
  ip: string;
  prefix: number;
  netmask: string;
  /** the libvirt network (or VirtualBox host-only network) the NIC is attached to; one per subnet */
  network: string;
}

export interface VagrantForwardedPort {
  id?: string;
  guest: number;
  host: number;
  /** forwarded ports listen on the host's loopback only, never on its real networks */
  hostIp: string;
}

/** An extra virtual disk (libvirt storage, removed with the machine): the backing disk of a DRBD resource. */
export interface VagrantDisk {
  /** the guest device name: vdb, vdc, … (vda is the box's root disk) */
  device: string;
  sizeMb: number;
}

export interface VagrantMachine {
  name: string;
  hostname: string;
  networks: VagrantNetwork[];
  forwardedPorts: VagrantForwardedPort[];
  /** only present when the machine has extra disks */
  disks?: VagrantDisk[];
}

/** A step run once for the whole cluster, on one node, when `wait` succeeds (e.g. loading the crm script). */
export interface ClusterStep {
  wait: string;
  run: string;
  timeoutSeconds: number;
  settleSeconds: number;
}

/** The file the top-level Vagrantfile reads: everything it needs, no Ruby logic about stacks. */
export interface VagrantData {
  version: typeof VAGRANT_DATA_VERSION;
  cluster: string;
  platform: PlatformName;
  provider: VagrantProviderName;
  box: string;
  memory: number;
  cpus: number;
  libvirt: {
    driver: LibvirtDriver;
    /** domain names are prefix + machine name */
    domainPrefix: string;
    managementNetwork: { name: string; address: string };
  };
  packageInstall: string;
  packages: string[];
  /** daemons enabled at boot and started once the files are in place */
  services: string[];
  machines: VagrantMachine[];
  /** the machine that receives the cluster-wide files and runs the cluster step: the last one, up when all others are */
  clusterMachine: string;
  clusterStep?: ClusterStep;
}
