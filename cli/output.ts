import { formatDiagnostic, formatError, HactlError, shorten, summarize, visible, type Diagnostic } from '../src/diagnostics/index.js';

/** Text hactl did not write itself (file names, messages quoting remote output) is printed escaped and bounded. */
const shown = (text: string) => visible(shorten(text, 400));

export function isDebug(): boolean {
  return process.argv.includes('--debug') || process.env.HACTL_DEBUG === '1';
}

export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

export function printSummary(label: string, diagnostics: readonly Diagnostic[]): void {
  const ok = !diagnostics.some((d) => d.severity === 'error');
  process.stderr.write(`${shown(label)}: ${ok ? 'ok' : 'failed'} (${summarize(diagnostics)})\n`);
}

function printInternal(e: unknown, code?: string): void {
  const err = e as Error | undefined;
  process.stderr.write(`hactl: internal error: ${shown(err?.message ?? String(e))}${code ? ` [${code}]` : ''}\n`);
  if (isDebug() && err?.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('(run with --debug for the stack trace)\n');
}

/**
 * A user error prints its located diagnostics, or `hactl: message [code]` and its hint, without a stack trace;
 * anything else is a bug and shows its stack only with --debug. Every error exits 1.
 */
export function handleError(e: unknown): void {
  const err = e as { code?: unknown; exitCode?: number } | undefined;
  if (typeof err?.code === 'string' && err.code.startsWith('commander.')) {
    process.exitCode = err.exitCode ?? 1;
    return;
  }
  process.exitCode = 1;
  if (!(e instanceof HactlError) || e.source === 'internal') return printInternal(e, e instanceof HactlError ? e.code : undefined);
  if (e.diagnostics.length) printDiagnostics(e.diagnostics);
  else process.stderr.write(`${formatError(e)}\n`);
}
