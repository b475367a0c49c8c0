import { basename, dirname, join, relative, resolve } from 'node:path';
import type { PlatformName, RuntimeName } from '../../src/model/model.js';
import { HactlError } from '../../src/diagnostics/index.js';
import { packageRoot } from '../../src/package-root.js';
import { printDiagnostics, printSummary } from '../output.js';

/** hactl migrate: the stack on another runtime through src/translate (the code `up` retargets with), one line per item. */
export async function migrateCommand(stack: string, options: { to: RuntimeName; platform?: PlatformName; out: string }): Promise<number> {
  const { checkOutput, writeStack } = await import('../../src/import/write.js');
  const out = resolve(options.out);
  await checkOutput(out);
  const { loadStack } = await import('../../src/load/load-stack.js');
  const loaded = await loadStack(stack);
  if (!loaded.model || !loaded.input) throw HactlError.from(loaded.diagnostics);
  const { migrate, formatTranslation, blockedDiagnostics } = await import('../../src/translate/index.js');
  const result = migrate(loaded.input!, { runtime: options.to, ...(options.platform ? { platform: options.platform } : {}) });
  for (const i of result.report) process.stdout.write(`${formatTranslation(i)}\n`);
  if (!result.ok || !result.input) {
    const blocked = blockedDiagnostics(result.report).map((d) => ({ ...d, location: loaded.sources.locate(d.path) }));
    printDiagnostics(blocked);
    printSummary(stack, blocked);
    process.stderr.write('migrate: nothing written\n');
    return 1;
  }
  const { stackYaml } = await import('../../src/import/yaml.js');
  const { $schema: _schema, ...input } = result.input;
  const schema = relative(dirname(out), join(packageRoot(), 'schema', 'cluster.schema.json'));
  const text = stackYaml(input as typeof result.input, schema, [`Migrated by hactl migrate from ${basename(stack)} to runtime ${options.to}: check it with \`hactl validate\`.`], []);
  await writeStack(out, text);
  const counts = (['mapped', 'changed'] as const).map((k) => `${result.report.filter((i) => i.kind === k).length} ${k}`).join(', ');
  process.stderr.write(`wrote ${options.out}: ${counts}\n`);
  return 0;
}
