import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/index.js';
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

/** A key must be obtainable at render time: the variable set, the file present, or the file generated. */
export function checkSecret(ref: SecretRef, path: string, what: string, context: LintContext): CheckedSecret {
  const diagnostics: Diagnostic[] = [];
  if ('value' in ref) diagnostics.push(warning('auth-inline-secret', `${path}.value`, `${what} is written inline in the stack`));
  if ((!context.resolveSecrets && !('value' in ref)) || willBeGenerated(ref, context.baseDir)) return { diagnostics };
  const resolved = secretSource({ env: context.env, baseDir: context.baseDir }).resolve(ref);
  if (!resolved.ok) {
    diagnostics.push(error('auth-secret-missing', path, `${what} cannot be resolved: ${resolved.reason}`));
    return { diagnostics };
  }
  return { diagnostics, value: resolved.value };
}
