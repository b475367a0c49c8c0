import type { OcfResource } from '../config/index.js';
import { runCommand, summarize } from './command.js';
import { OpFailure, type ResourceDriver } from './driver.js';

const OCF_NOT_RUNNING = 7;
const OCF_RUNNING_MASTER = 8;

/** OCF agent: parameters as OCF_RESKEY_*, monitor 0 = running, 7 = not running, anything else = failed. */
export function ocfDriver(res: OcfResource): ResourceDriver {
  const agent = `${res.ocfRoot}/resource.d/${res.provider}/${res.type}`;
  const env = (timeoutMs: number, intervalMs = 0): Record<string, string> => ({
    OCF_ROOT: res.ocfRoot,
    OCF_FUNCTIONS_DIR: `${res.ocfRoot}/lib/heartbeat`,
    OCF_RESOURCE_INSTANCE: res.id,
    OCF_RESOURCE_TYPE: res.type,
    OCF_RESOURCE_PROVIDER: res.provider,
    OCF_RESKEY_CRM_meta_timeout: String(timeoutMs),
    OCF_RESKEY_CRM_meta_interval: String(intervalMs),
    ...Object.fromEntries(Object.entries(res.params).map(([k, v]) => [`OCF_RESKEY_${k}`, v])),
  });
  return {
    async start({ timeoutMs }) {
      const r = await runCommand([agent, 'start'], { timeoutMs, env: env(timeoutMs) });
      if (r.code !== 0) throw new OpFailure(`${agent} start: ${summarize(r)}`, r.code);
    },
    async stop({ timeoutMs }) {
      const r = await runCommand([agent, 'stop'], { timeoutMs, env: env(timeoutMs) });
      if (r.code !== 0) throw new OpFailure(`${agent} stop: ${summarize(r)}`, r.code);
    },
    async monitor({ timeoutMs, intervalMs }) {
      const r = await runCommand([agent, 'monitor'], { timeoutMs, env: env(timeoutMs, intervalMs) });
      if (r.code === 0 || r.code === OCF_RUNNING_MASTER) return { state: 'running' };
      if (r.code === OCF_NOT_RUNNING) return { state: 'stopped' };
      return { state: 'failed', detail: `${agent} monitor: ${summarize(r)}` };
    },
  };
}
