#!/usr/bin/env node
// `hactl agent-request` alone, bundled small (dist/node/agent-request.mjs): on emulated guests Node.js needs about a
// minute to compile the whole CLI bundle, and hactl on the host sends one of these per node for every status and
// verb. The installed wrapper runs this file for `agent-request`, the full bundle for everything else.
import { parseArgs } from 'node:util';
import { agentRequestCommand } from './commands/agent.js';
import { handleError } from './output.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === 'agent-request')),
  options: { socket: { type: 'string' }, config: { type: 'string' }, node: { type: 'string' } },
  allowPositionals: true,
  strict: true,
});
if (positionals.length !== 1) {
  process.stderr.write('usage: hactl agent-request [--socket PATH | --config FILE] [--node NAME] JSON\n');
  process.exit(2);
}
agentRequestCommand(positionals[0]!, values).then((code) => (process.exitCode = code), handleError);
