import { HactlError, error } from '../../diagnostics/index.js';
import { CONTROL_CHARS as CONTROL } from '../../model/primitives.js';

/**
 * A value its file format cannot carry: rendering stops with the field's stack path and what the format forbids.
 * The value itself is never part of the message (it may be a secret).
 */
export function unsafeValue(path: string | undefined, format: string, why: string): HactlError {
  return HactlError.from(error('render-unsafe-value', path, `${format} cannot carry this value: ${why}`));
}

/** Refuses control characters, then each forbidden character the format names. */
export function refuse(value: string, path: string | undefined, format: string, forbidden: readonly [RegExp, string][] = []): string {
  if (CONTROL.test(value)) throw unsafeValue(path, format, 'it contains a line break or another control character');
  for (const [pattern, why] of forbidden) if (pattern.test(value)) throw unsafeValue(path, format, why);
  return value;
}
