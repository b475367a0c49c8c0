import type { LsbResource } from '../config.js';
import { runCommand, summarize } from './command.js';
import { OpFailure, type ResourceDriver } from './driver.js';

/** LSB init script: start/stop succeed with 0 (also when already in that state); status 0 running, 3 stopped. */
export function lsbDriver(res: LsbResource): ResourceDriver {
  const script = res.path ?? `/etc/init.d/${res.name}`;
  const run = (action: string, timeoutMs: number) => runCommand([script, ...res.args, action], { timeoutMs });
  return {
    async start({ timeoutMs }) {
      const r = await run('start', timeoutMs);
      if (r.code !== 0) throw new OpFailure(`${script} start: ${summarize(r)}`, r.code);
    },
    async stop({ timeoutMs }) {
      const r = await run('stop', timeoutMs);
      if (r.code !== 0) throw new OpFailure(`${script} stop: ${summarize(r)}`, r.code);
    },
    async monitor({ timeoutMs }) {
      const r = await run('status', timeoutMs);
      if (r.code === 0) return { state: 'running' };
      if (r.code === 3) return { state: 'stopped' };
      const meaning = r.code === 1 ? 'dead but pid file exists' : r.code === 2 ? 'dead but lock file exists' : summarize(r);
      return { state: 'failed', detail: `${script} status: ${meaning}` };
    },
  };
}
