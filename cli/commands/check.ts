import type { CheckResult } from '../../src/tool-check/checker.js';
import { renderOrPrint } from '../stack.js';

export function printCheckResults(stack: string, results: readonly CheckResult[]): boolean {
  for (const r of results) {
    const line = `${r.ok ? 'ok  ' : 'FAIL'} ${stack} ${r.node}:${r.path} (${r.tool})`;
    process.stdout.write(`${line}\n`);
    if (!r.ok && r.message) process.stdout.write(`${r.message.replace(/^/gm, '     ')}\n`);
  }
  return results.every((r) => r.ok);
}

export async function checkCommand(stacks: string[], options: { format: 'text' | 'json' }): Promise<number> {
  const { runChecks } = await import('../../src/tool-check/run-checks.js');
  let ok = true;
  const report: { file: string; results: CheckResult[] }[] = [];
  for (const stack of stacks) {
    const rendered = await renderOrPrint(stack);
    if (!rendered) {
      ok = false;
      continue;
    }
    const results = await runChecks(rendered.model, rendered.result.files);
    report.push({ file: stack, results });
    if (options.format === 'text') ok = printCheckResults(stack, results) && ok;
    else ok = results.every((r) => r.ok) && ok;
  }
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return ok ? 0 : 1;
}
