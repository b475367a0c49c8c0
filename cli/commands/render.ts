import { modelDump } from '../../src/render/model-dump.js';
import { writeTree } from '../../src/render/write-tree.js';
import { renderOrPrint } from '../stack.js';
import { printCheckResults } from './check.js';

export async function renderCommand(stack: string, options: { out: string; check?: boolean }): Promise<number> {
  const rendered = await renderOrPrint(stack);
  if (!rendered) return 1;
  const { result, model } = rendered;
  await writeTree(result, options.out, { 'model.json': modelDump(model) }, { keep: [stack] });
  const nodes = new Set(result.files.map((f) => f.node)).size;
  process.stderr.write(`rendered ${result.files.length} files for ${nodes} targets into ${options.out}\n`);
  if (!options.check) return 0;
  const { runChecks } = await import('../../src/tool-check/run-checks.js');
  const checks = await runChecks(model, result.files);
  return printCheckResults(stack, checks) ? 0 : 1;
}
