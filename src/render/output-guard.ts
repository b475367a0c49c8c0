import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { error, HactlError, quote } from '../diagnostics/index.js';

/** Written into every tree hactl renders: the list of its files, so a later render knows what it may replace. */
export const RENDER_MARKER = '.hactl-render.json';

export interface RenderMarker {
  renderedBy: 'hactl';
  /** every file of the tree, relative, with `/` separators (the marker itself excluded) */
  files: string[];
}

/** What sits at the output path: nothing, an empty directory, or a tree hactl rendered (its top-level entries). */
export type OutputState = { kind: 'missing'; dir: string } | { kind: 'directory'; dir: string; entries: string[] };

const refuse = (message: string, code: 'output-exists' | 'output-contains-stack' = 'output-exists') => HactlError.from(error(code, undefined, message));

/**
 * Decides whether a render may write to `outDir`. A missing path or an empty directory is fine; a directory is
 * replaced only when every file in it is one an earlier render listed (so no file of anyone else is ever removed);
 * anything else (a file, a directory with other files, the directory holding the stack or one above it) is refused.
 */
export async function checkOutput(outDir: string, keep: readonly string[] = []): Promise<OutputState> {
  const shown = quote(outDir);
  let dir = resolve(outDir);
  const link = await lstat(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e.code === 'ENOTDIR' ? refuse(`${shown} lies below a file`) : e;
  });
  if (!link) return { kind: 'missing', dir };
  const info = link.isSymbolicLink() ? await stat(dir).catch(() => undefined) : link;
  if (!info) throw refuse(`${shown} is a symbolic link to nothing`);
  if (!info.isDirectory()) throw refuse(`${shown} exists and is not a directory`);
  dir = await realpath(dir);
  for (const file of keep) {
    const holder = await realpath(dirname(resolve(file))).catch(() => resolve(dirname(file)));
    if (holder === dir || holder.startsWith(dir === sep ? dir : `${dir}${sep}`)) {
      throw refuse(`${shown} holds ${quote(file)}: a render replaces the whole directory`, 'output-contains-stack');
    }
  }
  const entries = await readdir(dir);
  if (entries.length === 0) return { kind: 'directory', dir, entries };
  const listed = await inventory(dir);
  if (!listed) throw refuse(`${shown} is not empty and was not rendered by hactl (no ${RENDER_MARKER})`);
  const stranger = await firstUnlisted(dir, '', listed);
  if (stranger) throw refuse(`${shown} holds ${quote(stranger)}, which hactl did not render`);
  return { kind: 'directory', dir, entries };
}

/** The files an earlier render wrote: its marker, or (trees rendered before the marker existed) its manifest. */
async function inventory(dir: string): Promise<Set<string> | undefined> {
  const marker = await readJson(join(dir, RENDER_MARKER));
  if (isMarker(marker)) return new Set([...marker.files, RENDER_MARKER]);
  const document = await readJson(join(dir, 'manifest.json'));
  // manifest.json lists the files: a bare list, or a document with `files` (since it records translations)
  const manifest = Array.isArray(document) ? document : (document as { files?: unknown } | undefined)?.files;
  if (Array.isArray(manifest) && manifest.every((m) => typeof (m as { file?: unknown })?.file === 'string' && (typeof (m as { sha256?: unknown }).sha256 === 'string' || (m as { secret?: unknown }).secret === true))) {
    return new Set([...manifest.map((m) => (m as { file: string }).file), 'manifest.json', 'model.json']);
  }
  return undefined;
}

function isMarker(value: unknown): value is RenderMarker {
  const m = value as Partial<RenderMarker> | undefined;
  return m?.renderedBy === 'hactl' && Array.isArray(m.files) && m.files.every((f) => typeof f === 'string');
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The first entry below `dir` that is not a listed file (or a directory on the way to one); stops there. */
async function firstUnlisted(root: string, rel: string, listed: ReadonlySet<string>): Promise<string | undefined> {
  for (const name of await readdir(join(root, rel))) {
    const path = rel ? `${rel}/${name}` : name;
    const info = await lstat(join(root, path));
    if (info.isDirectory()) {
      const found = await firstUnlisted(root, path, listed);
      if (found) return found;
    } else if (!info.isFile() || !listed.has(path)) {
      return path;
    }
  }
  return undefined;
}
