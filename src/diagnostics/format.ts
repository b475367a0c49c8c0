import type { Diagnostic } from './diagnostic.js';
import type { HactlError } from './errors.js';

/** Longest value (in characters) a message quotes whole; a stack may hold megabytes in one scalar. */
export const QUOTE_LIMIT = 80;
/** Longest message, path or hint a diagnostic line prints, for anything that reached a message unquoted. */
const FIELD_LIMIT = 400;
/** Longest message of an error that is not about a stack field: it may quote a tool's output over several lines. */
const MESSAGE_LIMIT = 8000;

// C0 and C1 controls, DEL, line/paragraph separators and the bidirectional overrides ("Trojan Source"): a terminal
// acts on them or a reader is misled by them, so they never reach a terminal as themselves.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** Text with every control character shown as an escape (`\x1b`, `\n`), safe to print on a terminal. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, escapeChar);
}

function cut(text: string, limit: number): string {
  const head = text.slice(0, limit);
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}

/** Cuts text to `limit` characters (never inside a surrogate pair) and says how long it was. */
export function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${cut(text, limit)}… (${text.length} chars)`;
}

/**
 * How a value from a stack appears inside a message: strings in double quotes, anything else as JSON, control
 * characters escaped, long values cut to their start and their length. Every message that quotes a stack value
 * goes through here.
 */
export function quote(value: unknown): string {
  if (typeof value === 'string') {
    const escaped = (text: string) => visible(text.replace(/[\\"]/g, (c) => `\\${c}`));
    return value.length <= QUOTE_LIMIT ? `"${escaped(value)}"` : `"${escaped(cut(value, QUOTE_LIMIT))}…" (${value.length} chars)`;
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return visible(shorten(text, QUOTE_LIMIT));
}

/** The diagnostic as it is shown (text or JSON): every field escaped and bounded, whatever its message builder did. */
export function displayDiagnostic(d: Diagnostic): Diagnostic {
  const field = (text: string) => visible(shorten(text, FIELD_LIMIT));
  return {
    ...d,
    message: field(d.message),
    ...(d.path !== undefined ? { path: field(d.path) } : {}),
    ...(d.hint !== undefined ? { hint: field(d.hint) } : {}),
    ...(d.location ? { location: { ...d.location, file: field(d.location.file) } } : {}),
  };
}

/** `stacks/web.yaml:14:7 resources[2].vip: message (hint: ...) [code]` — the one format every command prints. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const d = displayDiagnostic(diagnostic);
  const where = !d.location ? '' : d.location.line > 0 ? `${d.location.file}:${d.location.line}:${d.location.column} ` : `${d.location.file}: `;
  const path = d.path ? `${d.path}: ` : '';
  const severity = d.severity === 'warning' ? 'warning: ' : '';
  const hint = d.hint ? ` (hint: ${d.hint})` : '';
  return `${where}${severity}${path}${d.message}${hint} [${d.code}]`;
}

/**
 * An error that is not about a stack field: `hactl: message [code]` and its hint on the next line. The message may
 * quote a tool's output over several lines: each line is escaped, the whole bounded.
 */
export function formatError(e: Pick<HactlError, 'message' | 'code' | 'hint'>): string {
  const message = shorten(e.message, MESSAGE_LIMIT).split('\n').map(visible).join('\n');
  return `hactl: ${message} [${e.code}]${e.hint ? `\nhint: ${visible(shorten(e.hint, FIELD_LIMIT))}` : ''}`;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
