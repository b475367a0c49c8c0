import { formatDiagnostic, HactlError, shorten, summarize, visible, type Diagnostic } from '../src/diagnostics/index.js';

/** Text hactl did not write itself (file names, messages quoting remote output) is printed escaped and bounded. */
const shown = (text: string) => visible(shorten(text, 400));
/** The same for operator messages of other layers, which may quote a tool's output over several lines. */
const shownLines = (text: string) => shorten(text, 8000).split('\n').map(visible).join('\n');

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

/** Errors of the transport, apply, lab and agent layers carry a stable code and a message written for the operator. */
function isUserFacing(err: { name?: string } | undefined): boolean {
  return ['TransportError', 'ApplyError', 'LabError', 'LabProviderError', 'AgentClientError', 'AgentConfigError', 'HeartbeatV1Error', 'VagrantError'].includes(err?.name ?? '');
}

/** User errors print their diagnostics and exit 1; anything else is a bug and shows its stack only with --debug. */
export function handleError(e: unknown): void {
  if (e instanceof HactlError) {
    printDiagnostics(e.diagnostics);
  } else {
    const err = e as Error & { code?: string; exitCode?: number };
    if (err?.code?.startsWith?.('commander.')) {
      process.exitCode = err.exitCode ?? 1;
      return;
    }
    if (isUserFacing(err)) {
      process.stderr.write(`hactl: ${shownLines(err.message)}${typeof err.code === 'string' ? ` [${err.code}]` : ''}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`hactl: internal error: ${shown(err?.message ?? String(e))}\n`);
    if (isDebug() && err?.stack) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write('(run with --debug for the stack trace)\n');
  }
  process.exitCode = 1;
}
