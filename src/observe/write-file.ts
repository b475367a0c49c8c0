import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A picture or page hactl writes for the operator: complete or not at all (temp file beside it, then rename). */
export async function writeOutputFile(path: string, content: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.hactl-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(tmp, content, { mode: 0o644 });
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
}
