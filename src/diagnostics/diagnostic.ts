import { codes, type Code } from './codes.js';

export type Severity = 'error' | 'warning';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  /** where in the stack, e.g. `resources[2].vip` */
  path?: string;
  hint?: string;
  location?: SourceLocation;
}

export function error(code: Code, path: string | undefined, message: string, hint?: string): Diagnostic {
  return { code, severity: 'error', path, message, hint: hint ?? codes[code] };
}

export function warning(code: Code, path: string | undefined, message: string, hint?: string): Diagnostic {
  return { code, severity: 'warning', path, message, hint: hint ?? codes[code] };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
