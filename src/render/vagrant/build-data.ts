import type { ClusterModel } from '../../model/model.js';
import { packagesFor } from '../../platform/packages.js';
import { platformProfile } from '../../platform/profiles.js';
import { VAGRANT_DATA_VERSION, type VagrantData, type VagrantDisk } from './data.js';
import { machineNetworks } from './networks.js';
import { clusterStep, runtimeServices } from './runtime.js';
import type { VagrantSettings } from './settings.js';

const LOOPBACK = '127.0.0.1';
// DRBD's backing disks on VMs: small, since the tests replicate a few files, and sparse (qcow2) on the host
const DRBD_DISK_MB = 512;
const VIRTIO_DISK = /^\/dev\/(vd[b-z])$/;

/** The virtio disks (/dev/vdb, …) the stack's DRBD resources use on a node: Vagrant creates them with the machine. */
export function machineDisks(model: Pick<ClusterModel, 'drbd'>, node: string): VagrantDisk[] {
  const devices = model.drbd.flatMap((r) => r.hosts.filter((h) => h.node === node).map((h) => VIRTIO_DISK.exec(h.disk)?.[1]));
  return [...new Set(devices.filter((d): d is string => d !== undefined))].sort().map((device) => ({ device, sizeMb: DRBD_DISK_MB }));
}

/** The machines of a stack as the Vagrantfile wants them; same model and settings in, same bytes out. */
export function buildVagrantData(model: ClusterModel, settings: VagrantSettings): VagrantData {
  const step = clusterStep(model);
  const last = model.nodes[model.nodes.length - 1];
  return {
    version: VAGRANT_DATA_VERSION,
    cluster: model.cluster,
    platform: model.platform,
    provider: settings.provider,
    box: settings.box,
    memory: settings.memory,
    cpus: settings.cpus,
    libvirt: { driver: settings.libvirtDriver, domainPrefix: `hactl-${model.cluster}-`, managementNetwork: settings.managementNetwork },
    packageInstall: platformProfile(model.platform).packageInstall,
    packages: packagesFor(model),
    services: runtimeServices(model),
    machines: model.nodes.map((node) => {
      const disks = machineDisks(model, node.name);
      return {
        name: node.name,
        hostname: node.name,
        networks: machineNetworks(model, node.nics),
        forwardedPorts: node.forwardedPorts.map((p) => ({ ...(p.id ? { id: p.id } : {}), guest: p.guest, host: p.host, hostIp: LOOPBACK })),
        ...(disks.length ? { disks } : {}),
      };
    }),
    clusterMachine: last?.name ?? '',
    ...(step ? { clusterStep: step } : {}),
  };
}

export function serializeVagrantData(data: VagrantData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
