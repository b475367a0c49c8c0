import { codes, type Code, type Diagnostic, type SourceLocation } from '../diagnostics/index.js';

/** Where something was read: the file as the user knows it (`sv1/etc/ha.d/ha.cf`, `root@sv1:/etc/ha.d/ha.cf`), line and column from 1. */
export type Where = SourceLocation;

export const at = (file: string, line: number, column = 1): Where => ({ file, line, column });

/** A problem in a source file, located there (not in a stack): the CLI prints it as `file:line:col message [code]`. */
export function sourceError(code: Code, where: Where, message: string, hint?: string): Diagnostic {
  return { code, severity: 'error', message, location: where, hint: hint ?? codes[code] };
}

export function sourceWarning(code: Code, where: Where, message: string, hint?: string): Diagnostic {
  return { code, severity: 'warning', message, location: where, hint: hint ?? codes[code] };
}

/** What every parser hands back: what it understood, and what it could not (errors make the file unusable). */
export interface Parsed<T> {
  value: T;
  issues: Diagnostic[];
}
