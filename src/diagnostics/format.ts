import type { Diagnostic } from './diagnostic.js';

/** `stacks/web.yaml:14:7 resources[2].vip: message (hint: ...) [code]` — the one format every command prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = !d.location ? '' : d.location.line > 0 ? `${d.location.file}:${d.location.line}:${d.location.column} ` : `${d.location.file}: `;
  const path = d.path ? `${d.path}: ` : '';
  const severity = d.severity === 'warning' ? 'warning: ' : '';
  const hint = d.hint ? ` (hint: ${d.hint})` : '';
  return `${where}${severity}${path}${d.message}${hint} [${d.code}]`;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
