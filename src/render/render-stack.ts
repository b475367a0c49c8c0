import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { HactlError, error, quote } from '../diagnostics/index.js';
import type { ClusterModel } from '../model/model.js';
import { formatTranslation, type TranslationItem } from '../translate/report.js';
import { platformProfile } from '../platform/profiles.js';
import { FILE_PATH_PATTERN } from '../model/primitives.js';
import { secretSource, type SecretOptions, type SecretSource } from '../secrets/source.js';
import { CLUSTER_SCOPE, type RenderedFile, type Renderer } from './artifact.js';
import { createTemplateEngine, type TemplateEngine } from './engine.js';
import { pathClashes } from './path-clashes.js';
import { renderers as allRenderers } from './registry.js';

const FILE_PATH = new RegExp(FILE_PATH_PATTERN, 'u');

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
  /** what retargeting the stack to the platform it was rendered for changed, one item per change */
  translations?: TranslationItem[];
}

/** manifest.json: the platform the files are for, what was translated to get there, and every file. */
export function manifestDocument(result: RenderResult, platform: string): string {
  return `${JSON.stringify({ platform, translations: (result.translations ?? []).map(formatTranslation), files: result.manifest }, null, 2)}\n`;
}

export interface RenderOptions extends SecretOptions {
  renderers?: readonly Renderer[];
  templates?: TemplateEngine;
  /** where keys come from; default: the environment and key files (see SecretOptions) */
  secrets?: SecretSource;
}

/** Renders every artifact the stack needs, in memory; same model in, same bytes out. */
export function renderStack(model: ClusterModel, options: RenderOptions = {}): RenderResult {
  const context = {
    model,
    profile: platformProfile(model.platform),
    secrets: options.secrets ?? secretSource(options),
    templates: options.templates ?? createTemplateEngine(),
  };
  const files: RenderResult['files'] = [];
  for (const renderer of options.renderers ?? allRenderers) {
    if (!renderer.applies(model)) continue;
    for (const file of renderer.render(context)) files.push({ ...file, path: placed(file, renderer.id), renderer: renderer.id });
  }
  const clashes = pathClashes(files);
  if (clashes.length) throw HactlError.from(clashes);
  files.sort((a, b) => (a.node === b.node ? a.path.localeCompare(b.path) : a.node.localeCompare(b.node)));
  return { files, manifest: files.map(toManifestEntry) };
}

/**
 * The file's path in canonical form (`/var/www/html/` + `index.html` joined with a double slash is one file).
 * Stack paths are checked by the schema; a path that still has a `..` segment or a control character, or names no
 * file, would be written outside the output or apply root (or fail there), so it stops the render whatever produced it.
 */
function placed(file: RenderedFile, renderer: string): string {
  const path = posix.normalize(file.path);
  if (/(^|\/)\.\.(\/|$)/.test(file.path) || !FILE_PATH.test(path)) {
    throw HactlError.from(error('render-failed', file.origin, `${renderer} produced the file path ${quote(file.path)}, which is not a canonical absolute file path`));
  }
  return path;
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
