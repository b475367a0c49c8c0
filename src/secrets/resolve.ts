import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Static } from '@sinclair/typebox';
import type { SecretRef as SecretRefSchema } from '../model/primitives.js';

export type SecretRef = Static<typeof SecretRefSchema>;

/** `value`: the key; `generate`: the file is missing and may be created (absolute path); `missing`: why there is no key. */
export type SecretResolution = { value: string } | { generate: string } | { missing: string };

export interface SecretSources {
  env: NodeJS.ProcessEnv;
  /** directory a relative key file is resolved against (the stack's directory) */
  baseDir: string;
}

/**
 * Lint and renderers resolve keys the same way. The `missing` reason names the source (variable, file),
 * never the secret, so it is safe to print.
 */
export function resolveSecret(ref: SecretRef, { env, baseDir }: SecretSources): SecretResolution {
  if ('value' in ref) return { value: ref.value };
  if ('env' in ref) {
    const value = env[ref.env];
    return value ? { value } : { missing: `environment variable ${ref.env} is not set` };
  }
  const file = secretFilePath(ref.file, baseDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') return ref.generate ? { generate: file } : { missing: `key file ${file} does not exist` };
    return { missing: `key file ${file} cannot be read (${code})` };
  }
  // A key written with `echo` ends in a newline that is not part of the key.
  const value = text.replace(/\r?\n$/, '');
  return value ? { value } : { missing: `key file ${file} is empty` };
}

export function secretFilePath(file: string, baseDir: string): string {
  return isAbsolute(file) ? file : resolve(baseDir, file);
}
