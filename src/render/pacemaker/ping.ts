import { formatCrmDuration } from '../../model/duration.js';
import type { ClusterModel } from '../../model/model.js';
import type { PlannedPrimitive } from './plan.js';

export const PING_RESOURCE = 'ping';

/**
 * heartbeat's respawned pingd (Pacemaker 1.0 on heartbeat) is gone from Pacemaker 2; the same node attribute comes from an
 * ocf:pacemaker:ping clone there, so ha.cf drops the respawn line (see src/render/heartbeat/ha-cf.ts).
 */
export function pingReplacesPingd(model: ClusterModel): boolean {
  return model.runtime === 'pacemaker' && model.pacemaker?.syntax === '2' && model.heartbeat?.pingd !== undefined && model.heartbeat.ping.length > 0;
}

export function pingResource(model: ClusterModel): PlannedPrimitive | undefined {
  const hb = model.heartbeat;
  if (!hb?.pingd || !pingReplacesPingd(model)) return undefined;
  return {
    id: PING_RESOURCE,
    agent: { cls: 'ocf', provider: 'pacemaker', type: 'ping' },
    params: [
      ['host_list', hb.ping.join(' ')],
      ['multiplier', String(hb.pingd.multiplier)],
      ['dampen', formatCrmDuration(hb.pingd.dampenMs)],
      ['name', hb.pingd.attribute],
    ],
    ops: [{ name: 'monitor', interval: '10s', timeout: '60s' }],
    meta: [],
  };
}
