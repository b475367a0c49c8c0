import type { HeartbeatResource } from '../config/index.js';
import type { ResourceDriver } from './driver.js';
import { scriptDriver, type StatusReader } from './lsb.js';

// heartbeat 3.0.6, /usr/share/heartbeat/ResourceManager, we_own_resource(): only what status prints counts, never
// its exit code:
//   case `$spath $arg status` in
//     *[Nn][Oo][Tt]\ *[Rr]unning*) return 3;;
//     *[Rr]unning*|*OK*)           return 0;;
//     *)                           return 3;;
//   esac
const NOT_RUNNING = /[Nn][Oo][Tt] [\s\S]*[Rr]unning/;
const RUNNING = /[Rr]unning|OK/;

/**
 * Status as heartbeat reads it, so a classic script that prints "not running" and exits 0 is stopped. One
 * addition: a script that prints nothing at all is read by its LSB exit code. heartbeat calls it stopped and
 * just starts it again (it never monitors), but the agent monitors, and would fail a running LSB script.
 */
export const heartbeatStatus: StatusReader = (r) => {
  if (NOT_RUNNING.test(r.stdout)) return { state: 'stopped' };
  if (RUNNING.test(r.stdout)) return { state: 'running' };
  return r.stdout.trim() === '' && r.code === 0 ? { state: 'running' } : { state: 'stopped' };
};

/** A haresources script (resource.d or init.d): start/stop by exit code, status by its output. */
export const heartbeatDriver = (res: HeartbeatResource): ResourceDriver => scriptDriver(res, heartbeatStatus, { forgiveStop: true });
