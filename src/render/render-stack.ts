import { createHash } from 'node:crypto';
import { HactlError, error } from '../diagnostics/index.js';
import type { ClusterModel } from '../model/model.js';
import { platformProfile } from '../platform/profiles.js';
import { secretSource, type SecretOptions } from '../secrets/source.js';
import { CLUSTER_SCOPE, type RenderedFile, type Renderer } from './artifact.js';
import { createTemplateEngine, type TemplateEngine } from './engine.js';
import { renderers as allRenderers } from './registry.js';

export interface ManifestEntry {
  node: string;
  path: string;
  /** where the file sits inside the output tree */
  file: string;
  mode: string;
  owner: string;
  /** absent for secret files: a digest of a short key in a predictable file lets anyone who reads the manifest guess it offline */
  sha256?: string;
  service?: RenderedFile['service'];
  secret: boolean;
  checker: string;
  renderer: string;
}

export interface RenderResult {
  files: (RenderedFile & { renderer: string })[];
  manifest: ManifestEntry[];
}

export interface RenderOptions extends SecretOptions {
  renderers?: readonly Renderer[];
  templates?: TemplateEngine;
}

/** Renders every artifact the stack needs, in memory; same model in, same bytes out. */
export function renderStack(model: ClusterModel, options: RenderOptions = {}): RenderResult {
  const context = {
    model,
    profile: platformProfile(model.platform),
    secrets: secretSource(options),
    templates: options.templates ?? createTemplateEngine(),
  };
  const files: RenderResult['files'] = [];
  for (const renderer of options.renderers ?? allRenderers) {
    if (!renderer.applies(model)) continue;
    for (const file of renderer.render(context)) files.push({ ...file, renderer: renderer.id });
  }
  files.sort((a, b) => (a.node === b.node ? a.path.localeCompare(b.path) : a.node.localeCompare(b.node)));
  const seen = new Map<string, string>();
  for (const f of files) {
    const key = `${f.node}:${f.path}`;
    const other = seen.get(key);
    if (other) throw new HactlError(error('render-failed', undefined, `${other} and ${f.renderer} both render ${f.path} for ${f.node}`));
    seen.set(key, f.renderer);
  }
  return { files, manifest: files.map(toManifestEntry) };
}

export function treePath(file: Pick<RenderedFile, 'node' | 'path'>): string {
  return `${file.node === CLUSTER_SCOPE ? CLUSTER_SCOPE : file.node}${file.path}`;
}

function toManifestEntry(f: RenderResult['files'][number]): ManifestEntry {
  return {
    node: f.node,
    path: f.path,
    file: treePath(f),
    mode: f.mode,
    owner: f.owner,
    ...(f.secret ? {} : { sha256: createHash('sha256').update(f.content).digest('hex') }),
    service: f.service,
    secret: f.secret ?? false,
    checker: f.checker ?? 'none',
    renderer: f.renderer,
  };
}
