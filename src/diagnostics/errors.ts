import { codes, type Code } from './codes.js';
import type { Diagnostic } from './diagnostic.js';

/** `user`: the stack, the command line or the machines are not as hactl needs them; `internal`: a bug in hactl. */
export type ErrorSource = 'user' | 'internal';

export interface HactlErrorOptions {
  source?: ErrorSource;
  /** what to do about it; default: the code's hint from the registry */
  hint?: string;
  cause?: unknown;
  /** the stack problems behind the error, each at its field path (file:line:col once located) */
  diagnostics?: readonly Diagnostic[];
}

/**
 * Every error hactl raises on purpose: a stable code from the registry, whether the user can fix it, and a hint.
 * Errors about a stack also carry its diagnostics, which are printed located (`stack.yaml:14:7 path: ...`); the
 * others print as `hactl: message [code]` and their hint. Layers subclass it to add what they know (node, path,
 * tool, issues...); the CLI needs nothing but `instanceof HactlError`. Anything else escaping is a bug.
 */
export class HactlError extends Error {
  readonly code: Code;
  readonly source: ErrorSource;
  readonly hint: string;
  /** empty unless the error is about fields of a stack */
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: Code, message: string, options: HactlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HactlError';
    this.code = code;
    this.source = options.source ?? 'user';
    this.hint = options.hint ?? codes[code];
    this.diagnostics = options.diagnostics ?? [];
  }

  /** The error for one or more stack problems: the first one's code and hint, every message. */
  static from(diagnostics: Diagnostic | readonly Diagnostic[]): HactlError {
    const list = Array.isArray(diagnostics) ? (diagnostics as readonly Diagnostic[]) : [diagnostics as Diagnostic];
    const first = list[0];
    return new HactlError(first?.code ?? 'internal', list.map((d) => d.message).join('; '), { ...(first?.hint ? { hint: first.hint } : {}), diagnostics: list });
  }
}

/** The stack problems an error reports, or undefined when it is about something else (and must go on up). */
export function stackDiagnostics(e: unknown): Diagnostic[] | undefined {
  return e instanceof HactlError && e.diagnostics.length > 0 ? [...e.diagnostics] : undefined;
}
