import { relative } from 'node:path';
import { initStack } from '../../src/init/init.js';
import type { RuntimeName } from '../../src/model/model.js';

export async function initCommand(dir: string, options: { ts?: boolean; yaml?: boolean; runtime: RuntimeName; name?: string }): Promise<number> {
  if (options.ts && options.yaml) {
    process.stderr.write('hactl: init writes one stack: --ts or --yaml, not both\n');
    return 1;
  }
  const result = await initStack(dir, { format: options.ts ? 'ts' : 'yaml', runtime: options.runtime, name: options.name });
  const shown = relative(process.cwd(), result.file) || result.file;
  process.stdout.write(`wrote ${shown} (cluster ${result.name}, runtime ${options.runtime})\n`);
  if (result.needsInstall) process.stdout.write(`${shown} imports 'hactl': run \`npm install --save-dev hactl\` in its directory\n`);
  process.stdout.write(`next: hactl validate ${shown}${['agent', 'keepalived'].includes(options.runtime) ? ` && sudo hactl up ${shown}` : ''}\n`);
  return 0;
}
