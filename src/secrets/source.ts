import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

export type SecretRef = { env: string } | { file: string; generate?: boolean } | { value: string };

export type SecretResult = { ok: true; value: string } | { ok: false; reason: string };

/** Resolves key references; the value is never part of an error message. */
export interface SecretSource {
  resolve(ref: SecretRef): SecretResult;
}

export interface SecretOptions {
  env?: NodeJS.ProcessEnv;
  /** directory that relative key files are resolved against (the stack's directory) */
  baseDir?: string;
  /** create missing `generate: true` key files (only commands that write may do this) */
  allowGenerate?: boolean;
}

export function secretSource(options: SecretOptions = {}): SecretSource {
  const env = options.env ?? process.env;
  const baseDir = options.baseDir ?? process.cwd();
  return {
    resolve(ref) {
      if ('value' in ref) return { ok: true, value: ref.value };
      if ('env' in ref) {
        const value = env[ref.env];
        return value ? { ok: true, value } : { ok: false, reason: `environment variable ${ref.env} is not set` };
      }
      const file = isAbsolute(ref.file) ? ref.file : resolve(baseDir, ref.file);
      if (!existsSync(file)) {
        if (!(ref.generate && options.allowGenerate)) {
          return { ok: false, reason: `key file ${ref.file} does not exist${ref.generate ? ' (it is generated on render/up)' : ''}` };
        }
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
      }
      const value = readFileSync(file, 'utf8').trim();
      return value ? { ok: true, value } : { ok: false, reason: `key file ${ref.file} is empty` };
    },
  };
}
