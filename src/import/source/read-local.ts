import { existsSync } from 'node:fs';
import { lstat, readFile, readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { HactlError } from '../../diagnostics/index.js';
import { MAX_FILE_BYTES, MAX_FILES, type ImportSources, type NodeSource, type SourceFile } from './types.js';

export interface LocalImportArgs {
  /** node directories, rendered trees, or files for the whole cluster */
  paths: readonly string[];
  /** `--node NAME=PATH`: a directory or file of that node */
  nodes?: readonly { name: string; path: string }[];
}

const isRenderedTree = (dir: string) => existsSync(join(dir, '.hactl-render.json')) || existsSync(join(dir, 'manifest.json'));

async function readOne(file: string, path: string, sources: ImportSources): Promise<SourceFile | undefined> {
  try {
    const st = await lstat(file);
    if (st.isSymbolicLink()) {
      sources.unreadable.push({ origin: file, reason: 'a symbolic link: not followed (import reads the files themselves; give the target instead)', warning: true });
      return undefined;
    }
    if (!st.isFile()) return undefined;
    if (st.size > MAX_FILE_BYTES) {
      sources.unreadable.push({ origin: file, reason: `${st.size} bytes: larger than a configuration file (${MAX_FILE_BYTES})` });
      return undefined;
    }
    return { origin: file, path, bytes: await readFile(file), mode: st.mode & 0o7777 };
  } catch (e) {
    sources.unreadable.push({ origin: file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    return undefined;
  }
}

/** Every file under a directory; a node's root layout (`etc/...`) gives node paths (`/etc/...`). */
async function walk(dir: string, sources: ImportSources): Promise<SourceFile[]> {
  const rooted = existsSync(join(dir, 'etc'));
  const out: SourceFile[] = [];
  const visit = async (current: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (e) {
      sources.unreadable.push({ origin: current, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) await visit(full);
      else {
        if (out.length >= MAX_FILES) throw new HactlError('import-bad-argument', `${dir} holds more than ${MAX_FILES} files: give the node's configuration directory, not a whole disk`);
        const rel = relative(dir, full).split('\\').join('/');
        const f = await readOne(full, rooted ? `/${rel}` : rel, sources);
        if (f) out.push(f);
      }
    }
  };
  await visit(dir);
  return out;
}

function nodeOf(sources: ImportSources, name: string): NodeSource {
  let node = sources.nodes.find((n) => n.name === name);
  if (!node) {
    node = { name, files: [] };
    sources.nodes.push(node);
  }
  return node;
}

/** Pulls ip-addr.txt (saved `ip -o -4 addr show` output) out of a node's files: a fact, not a config. */
function takeFacts(node: NodeSource): void {
  const facts = node.files.find((f) => basename(f.path) === 'ip-addr.txt' || basename(f.path) === 'ip-addr');
  if (facts) node.ipAddr = facts;
}

async function addRenderedTree(dir: string, sources: ImportSources): Promise<void> {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '_cluster') sources.cluster.push(...(await walk(full, sources)).map((f) => ({ ...f, path: f.path.startsWith('/') ? f.path : `/${f.path}` })));
      else if (entry.name === '_vagrant') sources.cluster.push(...(await walk(full, sources)).map((f) => ({ ...f, path: `/_vagrant/${f.path.replace(/^\//, '')}` })));
      else {
        const node = nodeOf(sources, entry.name);
        node.files.push(...(await walk(full, sources)).map((f) => ({ ...f, path: f.path.startsWith('/') ? f.path : `/${f.path}` })));
        takeFacts(node);
      }
    } else if (entry.name === 'manifest.json' || entry.name === 'model.json') {
      const f = await readOne(full, entry.name, sources);
      if (f) sources.hints.push(f);
    }
  }
}

/** Reads what `hactl import DIR... [--node NAME=PATH]` names, from this machine. */
export async function readLocalSources(args: LocalImportArgs): Promise<ImportSources> {
  const sources: ImportSources = { nodes: [], cluster: [], hints: [], unreadable: [] };
  const missing = [...args.paths, ...(args.nodes ?? []).map((n) => n.path)].filter((p) => !existsSync(p));
  if (missing.length) throw new HactlError('import-unreadable', `${missing.join(', ')}: no such file or directory`);
  for (const path of args.paths) {
    const st = await lstat(path);
    if (st.isDirectory() && isRenderedTree(path)) await addRenderedTree(path, sources);
    else if (st.isDirectory()) {
      const node = nodeOf(sources, basename(path.replace(/\/+$/, '')));
      node.files.push(...(await walk(path, sources)));
      takeFacts(node);
    } else {
      const f = await readOne(path, basename(path), sources);
      if (f) sources.cluster.push(f);
    }
  }
  for (const { name, path } of args.nodes ?? []) {
    const node = nodeOf(sources, name);
    const st = await lstat(path);
    if (st.isDirectory()) node.files.push(...(await walk(path, sources)));
    else {
      const f = await readOne(path, basename(path), sources);
      if (f) node.files.push(f);
    }
    takeFacts(node);
  }
  return sources;
}
