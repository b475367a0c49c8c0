import { resolve } from 'node:path';
import { HactlError } from '../../src/diagnostics/index.js';
import type { GraphFormat } from '../../src/observe/graph/index.js';
import type { ProviderName } from '../../src/provider/provider.js';

/** `hactl graph STACK --format svg|dot|mermaid [-o FILE]`: the topology `up` would build, as a picture. */
export async function graphCommand(stack: string, options: { format: GraphFormat; out?: string; provider: ProviderName }): Promise<number> {
  if (options.out && resolve(options.out) === resolve(stack)) throw new HactlError('observe-bad-output', `-o ${options.out} is the stack itself`, { hint: 'write the picture to another file' });
  const { providers } = await import('../../src/provider/registry.js');
  const { stackFor } = await import('../../src/operations/open-cluster.js');
  const { drawTopology } = await import('../../src/observe/graph/index.js');
  const picture = drawTopology(await stackFor(stack, providers[options.provider]), options.format);
  if (!options.out) {
    process.stdout.write(picture);
    return 0;
  }
  const { writeOutputFile } = await import('../../src/observe/write-file.js');
  await writeOutputFile(options.out, picture);
  process.stderr.write(`wrote ${options.format} topology of ${stack} to ${options.out}\n`);
  return 0;
}
