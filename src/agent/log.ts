import pino, { type DestinationStream, type Logger } from 'pino';
import type { AgentConfig } from './config.js';

export type AgentLogger = Logger;

/** Anything shaped like a key is censored even if a caller passes a config object by mistake. */
const REDACT = ['key', '*.key', 'auth.key', '*.auth.key', 'config.auth.key', 'secret', '*.secret'];

/** Structured JSON lines; every state transition is logged with `event` and `cause` fields. */
export function createLogger(opts: { config: AgentConfig; node: string; destination?: DestinationStream }): AgentLogger {
  const dest = opts.destination ?? pino.destination({ dest: opts.config.log.file ?? 1, sync: true, mkdir: true, append: true });
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
