import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CONTROL_CHARS } from '../model/primitives.js';

export type SecretRef = { env: string } | { file: string; generate?: boolean } | { value: string };

/** A key is a line of text; anything bigger than this is not a key but a file read by mistake. */
export const MAX_SECRET_BYTES = 4096;

export type SecretResult =
  | {
      ok: true;
      value: string;
      /** the key file is readable by its group or by everyone */
      exposed?: boolean;
    }
  | { ok: false; code: 'auth-secret-missing' | 'auth-secret-invalid'; reason: string };

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

const missing = (reason: string): SecretResult => ({ ok: false, code: 'auth-secret-missing', reason });
const invalid = (reason: string): SecretResult => ({ ok: false, code: 'auth-secret-invalid', reason });

/** One line of printable text, at most MAX_SECRET_BYTES: every file a key lands in is line-based. */
function checked(value: string, where: string, exposed?: boolean): SecretResult {
  if (value === '') return missing(`${where} is empty`);
  if (Buffer.byteLength(value) > MAX_SECRET_BYTES) return invalid(`${where} holds more than ${MAX_SECRET_BYTES} bytes; a key is one line of text`);
  if (/[\r\n\u2028\u2029]/.test(value)) return invalid(`${where} has more than one line; a key is one line of text`);
  if (CONTROL_CHARS.test(value)) return invalid(`${where} contains control characters; a key is printable text`);
  return exposed ? { ok: true, value, exposed } : { ok: true, value };
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a key file without ever blocking or reading without bound: O_NONBLOCK so opening a FIFO returns at once,
 * fstat on what was opened (not on the name, which could change in between), only regular files, at most
 * MAX_SECRET_BYTES, and the bytes read must match the size on disk, which refuses kernel pseudo-files
 * (/proc/self/environ reports size 0 and yields the whole environment).
 */
function readKeyFile(file: string, shown: string): SecretResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ENOENT' ? missing(`key file ${shown} does not exist`) : invalid(`key file ${shown} cannot be opened (${code})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return invalid(`key file ${shown} is ${kindOf(st)}; a key file is a regular file`);
    if (st.size > MAX_SECRET_BYTES) return invalid(`key file ${shown} has ${st.size} bytes; a key has at most ${MAX_SECRET_BYTES}`);
    const buf = Buffer.alloc(MAX_SECRET_BYTES + 1);
    let length = 0;
    while (length < buf.length) {
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length !== st.size) return invalid(`key file ${shown} is not a plain file on disk (a kernel pseudo-file such as /proc/…?)`);
    return checked(buf.toString('utf8', 0, length).trim(), `key file ${shown}`, (st.mode & 0o044) !== 0);
  } catch (e) {
    return invalid(`key file ${shown} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

function generate(file: string, shown: string): SecretResult | undefined {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    return undefined;
  } catch (e) {
    return invalid(`key file ${shown} cannot be created (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function secretSource(options: SecretOptions = {}): SecretSource {
  const env = options.env ?? process.env;
  const baseDir = options.baseDir ?? process.cwd();
  return {
    resolve(ref) {
      if ('value' in ref) return checked(ref.value, 'the inline key');
      if ('env' in ref) {
        const value = env[ref.env];
        return value ? checked(value, `environment variable ${ref.env}`) : missing(`environment variable ${ref.env} is not set`);
      }
      const file = isAbsolute(ref.file) ? ref.file : resolve(baseDir, ref.file);
      if (!existsSync(file)) {
        if (!(ref.generate && options.allowGenerate)) {
          return missing(`key file ${ref.file} does not exist${ref.generate ? ' (it is generated on render/up)' : ''}`);
        }
        const failed = generate(file, ref.file);
        if (failed) return failed;
      }
      return readKeyFile(file, ref.file);
    },
  };
}
