import { chmod, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { error, HactlError } from '../diagnostics/index.js';
import { checkOutput, RENDER_MARKER, type RenderMarker } from './output-guard.js';
import { manifestDocument, treePath, type RenderResult } from './render-stack.js';

export interface WriteTreeOptions {
  /** the platform the files are for, recorded in manifest.json */
  platform?: string;
  /** files that must outlive the write (the stack): an output directory holding one of them is refused */
  keep?: readonly string[];
}

interface TreeFile {
  path: string;
  content: string;
  mode?: number;
}

/**
 * Writes the rendered tree to `outDir` only if that is a missing path, an empty directory or a tree hactl rendered
 * (see checkOutput). The tree is written to a staging directory first and moved in with renames, so a failure
 * never leaves a half-written output; an existing directory keeps its inode (mode, owner, a shell inside it).
 */
export async function writeTree(result: RenderResult, outDir: string, extra: Record<string, string> = {}, options: WriteTreeOptions = {}): Promise<void> {
  const output = await checkOutput(outDir, options.keep);
  const files: TreeFile[] = [
    ...result.files.map((f) => ({ path: treePath(f), content: f.content, mode: Number.parseInt(f.mode, 8) })),
    { path: 'manifest.json', content: manifestDocument(result, options.platform ?? 'unknown') },
    ...Object.entries(extra).map(([path, content]) => ({ path, content })),
  ];
  const marker: RenderMarker = { renderedBy: 'hactl', files: files.map((f) => f.path) };
  files.push({ path: RENDER_MARKER, content: `${JSON.stringify(marker, null, 2)}\n` });

  if (output.kind === 'missing') {
    await mkdir(dirname(output.dir), { recursive: true });
    const staging = await stage(join(dirname(output.dir), `.${basename(output.dir)}.tmp-`), files);
    await rename(staging, output.dir);
    return;
  }
  const staging = await stage(join(output.dir, '.hactl-new-'), files);
  const old = await mkdtemp(join(output.dir, '.hactl-old-'));
  for (const name of output.entries) await rename(join(output.dir, name), join(old, name));
  for (const name of await readdir(staging)) await rename(join(staging, name), join(output.dir, name));
  await rm(old, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
}

async function stage(prefix: string, files: readonly TreeFile[]): Promise<string> {
  const staging = await mkdtemp(prefix);
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      // renderStack only emits canonical absolute paths; this keeps any other caller's path inside the tree too
      const rel = relative(staging, path);
      if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw HactlError.from(error('render-failed', undefined, `refusing to write ${file.path} outside the output`));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content, file.mode === undefined ? {} : { mode: file.mode });
      if (file.mode !== undefined) await chmod(path, file.mode);
    }
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  return staging;
}
