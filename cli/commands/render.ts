import type { PlatformName } from '../../src/model/model.js';
import { modelDump } from '../../src/render/model-dump.js';
import { formatTranslation } from '../../src/translate/index.js';
import { writeTree } from '../../src/render/write-tree.js';
import { renderOrPrint } from '../stack.js';
import { printCheckResults } from './check.js';

export async function renderCommand(stack: string, options: { out: string; check?: boolean; platform?: PlatformName }): Promise<number> {
  const rendered = await renderOrPrint(stack, options.platform ? { platform: options.platform } : {});
  if (!rendered) return 1;
  const { result, model } = rendered;
  for (const item of result.translations ?? []) process.stderr.write(`translated: ${formatTranslation(item)}\n`);
  await writeTree(result, options.out, { 'model.json': modelDump(model) }, { keep: [stack], platform: model.platform });
  const nodes = new Set(result.files.map((f) => f.node)).size;
  process.stderr.write(`rendered ${result.files.length} files for ${nodes} targets into ${options.out}\n`);
  if (!options.check) return 0;
  const { runChecks } = await import('../../src/tool-check/run-checks.js');
  const checks = await runChecks(model, result.files);
  return printCheckResults(stack, checks) ? 0 : 1;
}
