import { REALTIME_NOT_ROOT } from '../log/events.js';
import { logEvent } from '../log/format-event.js';
import type { AgentLogger } from '../log/logger.js';
import { runCommand, summarize } from '../resources/command.js';

const RT_PRIORITY = 10;

/**
 * SCHED_RR for the main thread only (timers and heartbeats live there), with reset-on-fork so scripts and
 * resource agents run with the normal policy. Best effort: without root or chrt the agent runs as is.
 */
export async function enableRealtime(log: AgentLogger): Promise<boolean> {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    logEvent(log, { event: 'realtime', ok: false, cause: REALTIME_NOT_ROOT });
    return false;
  }
  const r = await runCommand(['chrt', '--rr', '--reset-on-fork', '--pid', String(RT_PRIORITY), String(process.pid)], { timeoutMs: 2000 });
  const ok = r.code === 0;
  logEvent(log, { event: 'realtime', ok, cause: ok ? `SCHED_RR ${RT_PRIORITY}` : summarize(r) });
  return ok;
}
