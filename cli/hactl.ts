#!/usr/bin/env node
import { buildProgram } from './program.js';
import { handleError } from './output.js';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`hactl needs Node.js >= 20.19 (this is ${process.versions.node})\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  await buildProgram().parseAsync(process.argv);
}

main().catch(handleError);
