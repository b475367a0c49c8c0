import type { SystemdResource } from '../config/index.js';
import { runCommand, summarize } from './command.js';
import { OpFailure, type ResourceDriver } from './driver.js';

export function systemdDriver(res: SystemdResource): ResourceDriver {
  return {
    async start({ timeoutMs }) {
      const r = await runCommand(['systemctl', 'start', res.unit], { timeoutMs });
      if (r.code !== 0) throw new OpFailure(`systemctl start ${res.unit}: ${summarize(r)}`, r.code);
    },
    async stop({ timeoutMs }) {
      const r = await runCommand(['systemctl', 'stop', res.unit], { timeoutMs });
      if (r.code !== 0) throw new OpFailure(`systemctl stop ${res.unit}: ${summarize(r)}`, r.code);
    },
    async monitor({ timeoutMs }) {
      const r = await runCommand(['systemctl', 'is-active', res.unit], { timeoutMs });
      const state = r.stdout.trim();
      if (state === 'active' || state === 'reloading' || state === 'activating') return { state: 'running' };
      if (state === 'inactive' || state === 'deactivating') return { state: 'stopped' };
      return { state: 'failed', detail: `systemctl is-active ${res.unit}: ${state || summarize(r)}` };
    },
  };
}
