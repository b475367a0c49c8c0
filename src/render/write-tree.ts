import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { RenderResult } from './render-stack.js';

/**
 * Writes the rendered tree next to its destination and swaps it in with renames,
 * so a failure never leaves a half-written output directory; the previous tree is removed only after the swap.
 */
export async function writeTree(result: RenderResult, outDir: string, extra: Record<string, string> = {}): Promise<void> {
  const target = resolve(outDir);
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.tmp-`));
  try {
    for (const file of result.files) {
      const path = join(staging, file.node, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content, { mode: Number.parseInt(file.mode, 8) });
      await chmod(path, Number.parseInt(file.mode, 8));
    }
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(result.manifest, null, 2)}\n`);
    for (const [name, content] of Object.entries(extra)) await writeFile(join(staging, name), content);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  const previous = `${staging}.old`;
  let moved = false;
  try {
    await rename(target, previous);
    moved = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(staging, { recursive: true, force: true });
      throw e;
    }
  }
  await rename(staging, target);
  if (moved) await rm(previous, { recursive: true, force: true });
}
