import type { DrbdModel } from '../../model/model.js';
import { drbdMetaDisk, drbdValue } from '../escape/drbd.js';

export interface DrbdHostView {
  name: string;
  nodeId: number;
  device: string;
  disk: string;
  address: string;
  metaDisk: string;
}

export interface DrbdResourceView {
  name: string;
  /** 8.4 keeps the older layout (protocol and syncer at resource level), which drbdadm 8.4 still reads */
  legacy: boolean;
  protocol: string;
  rate: string | null;
  onIoError: string | null;
  /** 9 has a disk section whenever a rate or an I/O error policy is set */
  disk: boolean;
  hosts: DrbdHostView[];
}

export function drbdResourceView(resource: DrbdModel): DrbdResourceView {
  return {
    name: resource.name,
    legacy: resource.version === '8.4',
    protocol: drbdValue(resource.protocol, `${resource.path}.protocol`),
    rate: resource.syncerRate ?? null,
    onIoError: resource.onIoError ?? null,
    disk: resource.syncerRate !== undefined || resource.onIoError !== undefined,
    hosts: resource.hosts.map((h, nodeId) => ({
      name: h.node,
      nodeId,
      device: drbdValue(h.device, `${h.path}.device`),
      disk: drbdValue(h.disk, `${h.path}.disk`),
      address: `${h.address}:${resource.port}`,
      metaDisk: drbdMetaDisk(h.metaDisk, `${h.path}.metaDisk`),
    })),
  };
}
