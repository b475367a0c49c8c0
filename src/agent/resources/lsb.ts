import type { HeartbeatResource, LsbResource } from '../config/index.js';
import { runCommand, summarize, type RunResult } from './command.js';
import { OpFailure, type MonitorResult, type ResourceDriver } from './driver.js';

/** How a script's answer to `status` reads as a state; `script` names it in a failure's detail. */
export type StatusReader = (r: RunResult, script: string) => MonitorResult;

/** LSB: status 0 running, 3 stopped; anything else is a failure. */
export const lsbStatus: StatusReader = (r, script) => {
  if (r.code === 0) return { state: 'running' };
  if (r.code === 3) return { state: 'stopped' };
  const meaning = r.code === 1 ? 'dead but pid file exists' : r.code === 2 ? 'dead but lock file exists' : summarize(r);
  return { state: 'failed', detail: `${script} status: ${meaning}` };
};

/**
 * A script run as `SCRIPT [ARGS...] ACTION`: start and stop must exit 0 (also when already in that state), status
 * is read by `status`. With `forgiveStop`, a stop that fails is accepted when status then says stopped (heartbeat
 * does so for its scripts: "it MUST succeed on a stop when already stopped", then carries on).
 */
export function scriptDriver(res: LsbResource | HeartbeatResource, status: StatusReader, { forgiveStop = false } = {}): ResourceDriver {
  const script = res.path ?? `/etc/init.d/${res.name}`;
  const run = (action: string, timeoutMs: number) => runCommand([script, ...res.args, action], { timeoutMs });
  const monitor = async (timeoutMs: number) => status(await run('status', timeoutMs), script);
  return {
    async start({ timeoutMs }) {
      const r = await run('start', timeoutMs);
      if (r.code !== 0) throw new OpFailure(`${script} start: ${summarize(r)}`, r.code);
    },
    async stop({ timeoutMs }) {
      const r = await run('stop', timeoutMs);
      if (r.code !== 0 && !(forgiveStop && (await monitor(timeoutMs)).state === 'stopped')) throw new OpFailure(`${script} stop: ${summarize(r)}`, r.code);
    },
    monitor: ({ timeoutMs }) => monitor(timeoutMs),
  };
}

/** LSB init script: start/stop succeed with 0 (also when already in that state); status 0 running, 3 stopped. */
export const lsbDriver = (res: LsbResource): ResourceDriver => scriptDriver(res, lsbStatus);
