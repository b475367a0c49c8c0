import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { error, stackDiagnostics, warning, type Diagnostic } from '../diagnostics/index.js';
import { secretSource, type SecretRef } from '../secrets/source.js';
import type { LintContext } from './check.js';

export interface CheckedSecret {
  diagnostics: Diagnostic[];
  /** the key as the renderers will read it, when it can be read now; never put it in a message */
  value?: string;
}

/** A `generate: true` key file that does not exist yet is created by render/up, so it is not missing. */
function willBeGenerated(ref: SecretRef, baseDir: string): boolean {
  return 'file' in ref && ref.generate === true && !existsSync(isAbsolute(ref.file) ? ref.file : resolve(baseDir, ref.file));
}

/** The key of the reference (env, file, value), so a finding points at the variable name or the file path. */
const kindOf = (ref: SecretRef) => ('env' in ref ? 'env' : 'file' in ref ? 'file' : 'value');

/**
 * A key must be obtainable at render time (the variable set, the file present, or the file generated) and usable:
 * one line of text from a regular file of at most 4 KiB. Checked here so `validate` reports it at the stack line.
 */
export function checkSecret(ref: SecretRef, path: string, what: string, context: LintContext): CheckedSecret {
  const diagnostics: Diagnostic[] = [];
  if ('value' in ref) diagnostics.push(warning('auth-inline-secret', `${path}.value`, `${what} is written inline in the stack`));
  if ((!context.resolveSecrets && !('value' in ref)) || willBeGenerated(ref, context.baseDir)) return { diagnostics };
  const resolved = secretSource({ env: context.env, baseDir: context.baseDir }).resolve(ref);
  if (!resolved.ok) {
    const where = resolved.code === 'auth-secret-missing' ? path : `${path}.${kindOf(ref)}`;
    diagnostics.push(error(resolved.code, where, `${what} cannot be used: ${resolved.reason}`));
    return { diagnostics };
  }
  if (resolved.exposed) diagnostics.push(warning('auth-key-file-mode', `${path}.file`, `${what} is in a file its group or every user may read`));
  return { diagnostics, value: resolved.value };
}

/** A key that resolves may still be one its file format cannot carry (a space in an authkeys key): the renderer's verdict, now. */
export function formatProblems(write: () => unknown): Diagnostic[] {
  try {
    write();
    return [];
  } catch (e) {
    const found = stackDiagnostics(e);
    if (found) return found;
    throw e;
  }
}
