import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { HactlError } from '../diagnostics/index.js';
import type { Secret } from './assemble/context.js';

/** A file written whole or not at all: a temporary name beside it, fsync, then a rename. */
async function writeAtomic(file: string, content: string, mode: number, exclusive: boolean): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${randomBytes(4).toString('hex')}`);
  const fh = await open(tmp, 'wx', mode);
  try {
    await fh.writeFile(content);
    await fh.chmod(mode);
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (exclusive && existsSync(file)) {
    await rm(tmp, { force: true });
    throw new HactlError('import-output-exists', `${file} exists`);
  }
  await rename(tmp, file);
}

/** Checks -o before anything is read: a new file in an existing directory; import never replaces a file. */
export async function checkOutput(file: string): Promise<void> {
  if (existsSync(file)) throw new HactlError('import-output-exists', `${file} exists`);
  const dir = dirname(resolve(file));
  const st = await stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new HactlError('import-write-failed', `${dir} is not a directory`);
}

/**
 * The secrets, each in its own file (mode 0600) in a directory (mode 0700) beside the stack, written before the
 * stack that names them; an existing file is never replaced.
 */
export async function writeSecrets(dir: string, secrets: readonly Secret[]): Promise<string[]> {
  if (!secrets.length) return [];
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  for (const s of secrets) {
    const file = join(dir, s.name);
    if (existsSync(file)) throw new HactlError('import-output-exists', `${file} exists (a key file of an earlier import?)`);
    await writeAtomic(file, `${s.value}\n`, 0o600, true);
    written.push(file);
  }
  return written;
}

export async function writeStack(file: string, text: string): Promise<void> {
  try {
    await writeAtomic(file, text, 0o644, true);
  } catch (e) {
    if (e instanceof HactlError) throw e;
    throw new HactlError('import-write-failed', `${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
