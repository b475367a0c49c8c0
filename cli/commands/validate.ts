import { displayDiagnostic } from '../../src/diagnostics/index.js';
import { validateStacks } from '../../src/pipeline/validate.js';
import { printDiagnostics, printSummary } from '../output.js';

export async function validateCommand(stacks: string[], options: { format: 'text' | 'json'; secrets: boolean }): Promise<number> {
  const results = await validateStacks(stacks, { resolveSecrets: options.secrets });
  if (options.format === 'json') {
    const report = results.map((r) => ({ file: r.file, ok: r.ok, diagnostics: r.diagnostics.map(displayDiagnostic) }));
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const r of results) {
      printDiagnostics(r.diagnostics);
      printSummary(r.file, r.diagnostics);
    }
  }
  return results.every((r) => r.ok) ? 0 : 1;
}
