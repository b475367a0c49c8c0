import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { treePath, type ManifestEntry, type RenderResult } from '../render-stack.js';
import { writeTree } from '../write-tree.js';
import { VAGRANT_SCOPE, type VagrantData } from './data.js';
import { vagrantDataFile } from './index.js';

/** Where one cluster's Vagrant machines are driven from: its own Vagrantfile and `.vagrant` state, so clusters never mix. */
export interface VagrantWorkdir {
  root: string;
  /** the rendered tree: `<node>/…`, `_cluster/…`, `_vagrant/stack.json`, `manifest.json` */
  tree: string;
  dataFile: string;
  /** host keys pinned when the machines came up, for status and later applies */
  knownHosts: string;
}

export function vagrantWorkdir(cluster: string, base = join(process.cwd(), '.hactl', 'vagrant')): VagrantWorkdir {
  const root = resolve(base, cluster);
  const tree = join(root, 'tree');
  return { root, tree, dataFile: join(tree, VAGRANT_SCOPE, 'stack.json'), knownHosts: join(root, 'known_hosts') };
}

export function manifestEntry(file: RenderResult['files'][number]): ManifestEntry {
  return {
    node: file.node, path: file.path, file: treePath(file), mode: file.mode, owner: file.owner,
    sha256: createHash('sha256').update(file.content).digest('hex'), ...(file.service ? { service: file.service } : {}),
    secret: file.secret ?? false, checker: file.checker ?? 'none', renderer: file.renderer,
  };
}

/** The rendered files with this run's Vagrant data in place of whatever the renderer produced. */
export function withVagrantData(rendered: Pick<RenderResult, 'files' | 'manifest'>, data: VagrantData): RenderResult {
  const file = { ...vagrantDataFile(data), renderer: 'vagrant' };
  return {
    files: [...rendered.files.filter((f) => f.node !== VAGRANT_SCOPE), file],
    manifest: [...rendered.manifest.filter((m) => m.node !== VAGRANT_SCOPE), manifestEntry(file)],
  };
}

function shim(dir: VagrantWorkdir): string {
  return [
    `# Written by hactl: the machines of ${dir.dataFile}, run by hactl's own Vagrantfile.`,
    `# \`vagrant ssh NODE\`, \`vagrant status\` and \`vagrant destroy\` work from this directory.`,
    `ENV["HACTL_VAGRANT_STACK"] = File.join(__dir__, "tree", "${VAGRANT_SCOPE}", "stack.json")`,
    `load ${JSON.stringify(join(packageRoot(), 'Vagrantfile'))}`,
    '',
  ].join('\n');
}

/** Writes the tree (atomically, secrets at their modes) and the per-cluster Vagrantfile; the directory is private. */
export async function prepareWorkdir(dir: VagrantWorkdir, result: RenderResult): Promise<void> {
  await mkdir(dir.root, { recursive: true, mode: 0o700 });
  await writeTree(result, dir.tree);
  await writeFile(join(dir.root, 'Vagrantfile'), shim(dir));
}

export async function removeWorkdir(dir: VagrantWorkdir): Promise<void> {
  await rm(dir.root, { recursive: true, force: true });
}
