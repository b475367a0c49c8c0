import { error, warning, type Diagnostic } from '../../diagnostics/index.js';
import { formatCrmDuration as fmt } from '../../model/duration.js';
import type { Check } from '../check.js';

/** heartbeat's own rules of thumb: keepalive < warntime < deadtime, deadtime >= 2 x keepalive, initdead >= 2 x deadtime. */
export const checkHeartbeatTimings: Check = (model) => {
  const hb = model.heartbeat;
  if (!hb) return [];
  const out: Diagnostic[] = [];
  const { keepaliveMs: k, warntimeMs: w, deadtimeMs: d, initdeadMs: i } = hb;
  if (!(k < w && w < d)) {
    out.push(error('timing-order', `${hb.path}.warntime`, `keepalive ${fmt(k)} < warntime ${fmt(w)} < deadtime ${fmt(d)} does not hold`));
  }
  if (d < 2 * k) out.push(error('timing-deadtime', `${hb.path}.deadtime`, `deadtime ${fmt(d)} is less than twice keepalive ${fmt(k)}`));
  if (i < 2 * d) out.push(warning('timing-initdead', `${hb.path}.initdead`, `initdead ${fmt(i)} is less than twice deadtime ${fmt(d)}`));
  return out;
};
