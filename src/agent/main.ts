import { parseArgs } from 'node:util';
import { AgentConfigError } from './config-parse.js';
import { HeartbeatV1Error } from './compat/heartbeat-v1.js';
import { runAgent } from './run.js';

const USAGE = `usage: node main.js (--config FILE | --ha-dir DIR) [--node NAME] [--log-level LEVEL]`;
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/** Stand-alone entry (`node --import tsx src/agent/main.ts ...`) until `hactl agent` exists. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      'ha-dir': { type: 'string' },
      node: { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const level = values['log-level'];
  if (level !== undefined && !LEVELS.includes(level as (typeof LEVELS)[number])) throw new Error(`--log-level must be one of ${LEVELS.join(', ')}`);
  const running = await runAgent({
    ...(values.config ? { configPath: values.config } : {}),
    ...(values['ha-dir'] ? { haDir: values['ha-dir'] } : {}),
    ...(values.node ? { node: values.node } : {}),
    ...(level ? { logLevel: level as (typeof LEVELS)[number] } : {}),
  });
  await running.done;
  process.exit(0);
}

main().catch((err: unknown) => {
  if (err instanceof AgentConfigError || err instanceof HeartbeatV1Error) console.error(err.message);
  else console.error(`hactl agent: ${(err as Error).message}`);
  process.exit(1);
});
