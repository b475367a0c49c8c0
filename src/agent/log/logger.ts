import pino, { type DestinationStream, type Logger } from 'pino';
import type { AgentConfig } from '../config/index.js';

export type AgentLogger = Logger;

/** Anything shaped like a key is censored even if a caller passes a config object by mistake. */
const REDACT = ['key', '*.key', 'auth.key', '*.auth.key', 'config.auth.key', 'secret', '*.secret'];

/**
 * Structured JSON lines; every state transition is logged with `event` and `cause` fields. Writes are
 * asynchronous so a slow disk never delays a heartbeat; `flushLogger` before exit.
 */
export function createLogger(opts: { config: AgentConfig; node: string; destination?: DestinationStream }): AgentLogger {
  const dest = opts.destination ?? pino.destination({ dest: opts.config.log.file ?? 1, sync: false, mkdir: true, append: true });
  return pino(
    {
      level: opts.config.log.level,
      base: { cluster: opts.config.cluster, node: opts.node },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    dest,
  );
}

/** For library users and tests that do not care about logs. */
export function silentLogger(): AgentLogger {
  return pino({ level: 'silent' });
}

export function flushLogger(log: AgentLogger): Promise<void> {
  return new Promise((resolve) => {
    try {
      log.flush(() => resolve());
    } catch {
      resolve();
    }
  });
}
