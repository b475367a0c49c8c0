import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { AgentConfigError } from '../config/index.js';
import { HeartbeatV1Error } from '../heartbeat-v1/config.js';
import { AGENT_NODE_FLAGS } from './node-flags.js';
import { runAgent } from './run.js';

const USAGE = `usage: node main.js (--config FILE | --ha-dir DIR) [--node NAME] [--log-level LEVEL]`;
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/** Stand-alone entry (`node --import tsx src/agent/main.ts ...`) until `hactl agent` exists. */
async function main(): Promise<void> {
  const missingFlags = AGENT_NODE_FLAGS.filter((f) => !process.execArgv.includes(f));
  // Best effort only: some of these take effect only on the command line (see AGENT_NODE_FLAGS).
  if (missingFlags.length) v8.setFlagsFromString(missingFlags.join(' '));
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
  if (missingFlags.length) console.error(`hactl agent: start node with ${AGENT_NODE_FLAGS.join(' ')} for steady 10 ms heartbeats (missing: ${missingFlags.join(' ')})`);
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
