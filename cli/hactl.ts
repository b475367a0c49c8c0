#!/usr/bin/env node
import { buildProgram } from './program.js';
import { handleError } from './output.js';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`hactl needs Node.js >= 20.19 (this is ${process.versions.node})\n`);
  process.exit(1);
}

// A reader that stopped early (`hactl migrate ... | head`) wants no more output: that ends the command, quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

async function main(): Promise<void> {
  await buildProgram().parseAsync(process.argv);
}

main().catch(handleError);
