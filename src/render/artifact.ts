import type { ClusterModel } from '../model/model.js';
import type { PlatformProfile } from '../platform/profiles.js';
import type { SecretSource } from '../secrets/source.js';
import type { CheckerId } from '../tool-check/registry.js';
import type { TemplateEngine } from './engine.js';

/** Files that belong to the whole cluster (applied once, e.g. the crm script) live under this pseudo node. */
export const CLUSTER_SCOPE = '_cluster';

export type ServiceAction = 'reload' | 'restart' | 'none';

export interface RenderedFile {
  /** a node name, or CLUSTER_SCOPE */
  node: string;
  /** absolute path on the target */
  path: string;
  content: string;
  mode: string;
  owner: string;
  /** the service that must reload or restart when this file changes */
  service?: { name: string; action: ServiceAction };
  /** holds a secret: never shown in plans, diffs or logs */
  secret?: boolean;
  /** which real tool checks it (`hactl check`, and apply on the node); 'none' for files no tool reads as config */
  checker?: CheckerId | 'none';
  /** the stack field that chose this file's path (`files[2].path`), where a clash with another file is reported */
  origin?: string;
}

export type { CheckerId };

export interface RenderContext {
  model: ClusterModel;
  profile: PlatformProfile;
  secrets: SecretSource;
  templates: TemplateEngine;
}

/** One artifact type: decides whether the stack needs it and renders its files from a complete view model. */
export interface Renderer {
  id: string;
  description: string;
  applies(model: ClusterModel): boolean;
  render(context: RenderContext): RenderedFile[];
}
