import { createRequire } from 'node:module';
import { mkdir, open } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { error, HactlError } from '../diagnostics/index.js';
import type { RuntimeName } from '../model/model.js';
import { packageRoot } from '../package-root.js';
import { starterTypeScript, starterYaml } from './print.js';
import { starterCluster } from './starter.js';

export interface InitOptions {
  format: 'yaml' | 'ts';
  runtime: RuntimeName;
  /** the cluster (and lab) name; default: the directory's name when it is a valid name, else `cluster` */
  name?: string;
}

export interface InitResult {
  file: string;
  name: string;
  /** a TS stack whose directory cannot resolve 'hactl' yet: the user should install it there */
  needsInstall: boolean;
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

/** Writes a starter stack into `dir` (cluster.yaml or cluster.ts); never replaces a file that is there. */
export async function initStack(dir: string, options: InitOptions): Promise<InitResult> {
  const target = resolve(dir);
  const name = options.name ?? (NAME.test(basename(target)) ? basename(target) : 'cluster');
  if (!NAME.test(name)) throw HactlError.from(error('init-bad-name', undefined, `${JSON.stringify(name)} is not a cluster name`));
  const cluster = starterCluster(name, options.runtime);
  const file = join(target, options.format === 'ts' ? 'cluster.ts' : 'cluster.yaml');
  const schema = relative(target, join(packageRoot(), 'schema', 'cluster.schema.json')) || 'cluster.schema.json';
  const text = options.format === 'ts' ? starterTypeScript(cluster) : starterYaml(cluster, schema);
  let handle;
  try {
    await mkdir(target, { recursive: true });
    // 'wx': created here or not at all, so a file of the user's is never replaced, not even by a race
    handle = await open(file, 'wx', 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw HactlError.from(error('init-exists', undefined, `${file} exists: nothing was written`));
    throw HactlError.from(error('init-write-failed', undefined, `cannot create ${file}: ${code ?? String(e)}`));
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return { file, name, needsInstall: options.format === 'ts' && !resolvable(target) };
}

function resolvable(dir: string): boolean {
  try {
    createRequire(join(dir, 'cluster.ts')).resolve('hactl');
    return true;
  } catch {
    return false;
  }
}
