#!/usr/bin/env node
// hactl as installed on cluster nodes (VMs, real servers) by `up`/`apply` for the agent runtime: one bundled file
// (dist/node/hactl.mjs) run by the distribution's own Node.js, so a stock Debian 12 (nodejs 18.x) needs nothing else.
// The commands a node runs (agent, agent-request, local status and verbs) use no API newer than Node 18.
import { buildProgram } from './program.js';
import { handleError } from './output.js';

const [major = 0] = process.versions.node.split('.').map(Number);
if (major < 18) {
  process.stderr.write(`hactl on a cluster node needs Node.js >= 18 (this is ${process.versions.node}); Debian 12: apt-get install nodejs\n`);
  process.exit(1);
}

buildProgram().parseAsync(process.argv).catch(handleError);
