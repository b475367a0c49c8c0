import type { ClusterModel, MonitorModel, PrimitiveModel } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';

export type ScriptedCheck = 'memcached' | 'http' | 'tcp' | 'process';

export interface MonitoredPrimitive {
  primitive: PrimitiveModel;
  monitor: MonitorModel & { check: ScriptedCheck };
  path: string;
}

const scripted = new Set<string>(['memcached', 'http', 'tcp', 'process']);

/**
 * heartbeat v1 cannot watch a service itself: a script respawned by heartbeat checks it and calls hb_standby.
 * Only the v1 runtime needs them; Pacemaker monitors through its resource agents.
 */
export function monitoredPrimitives(model: ClusterModel): MonitoredPrimitive[] {
  if (model.runtime !== 'heartbeat') return [];
  return allPrimitives(model).flatMap((primitive) => {
    const monitor = primitive.monitor;
    if (!monitor?.check || !scripted.has(monitor.check)) return [];
    return [{ primitive, monitor: monitor as MonitoredPrimitive['monitor'], path: `/usr/local/sbin/ha-chk-${primitive.name}.sh` }];
  });
}
