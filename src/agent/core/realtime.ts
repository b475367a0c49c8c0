import type { AgentLogger } from '../log.js';
import { runCommand, summarize } from '../resources/command.js';

const RT_PRIORITY = 10;

/**
 * SCHED_RR for the main thread only (timers and heartbeats live there), with reset-on-fork so scripts and
 * resource agents run with the normal policy. Best effort: without root or chrt the agent runs as is.
 */
export async function enableRealtime(log: AgentLogger): Promise<boolean> {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    log.info({ event: 'realtime', ok: false, cause: 'not root' }, 'realtime scheduling skipped: not root');
    return false;
  }
  const r = await runCommand(['chrt', '--rr', '--reset-on-fork', '--pid', String(RT_PRIORITY), String(process.pid)], { timeoutMs: 2000 });
  const ok = r.code === 0;
  log[ok ? 'info' : 'warn']({ event: 'realtime', ok, cause: ok ? `SCHED_RR ${RT_PRIORITY}` : summarize(r) }, ok ? `realtime scheduling on (SCHED_RR ${RT_PRIORITY})` : `realtime scheduling failed: ${summarize(r)}`);
  return ok;
}
