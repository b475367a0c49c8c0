import { HactlError, error } from '../diagnostics/index.js';
import type { SecretRef, SecretSource } from '../secrets/source.js';

/** A key a renderer needs now: its value, or an error at the reference's stack path that never shows the value. */
export function resolveSecret(secrets: SecretSource, ref: SecretRef, path: string, what: string): string {
  const r = secrets.resolve(ref);
  if (!r.ok) throw HactlError.from(error(r.code, path, `${what}: ${r.reason}`));
  return r.value;
}
