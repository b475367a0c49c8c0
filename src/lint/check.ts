import type { Diagnostic } from '../diagnostics/index.js';
import type { ClusterModel } from '../model/model.js';

export interface LintContext {
  /** the other stacks validated together (VRIDs must be unique across them) */
  others: readonly ClusterModel[];
  env: NodeJS.ProcessEnv;
  /** directory relative key files are resolved against */
  baseDir: string;
  /**
   * true (default): keys must resolve now (env set, file present or generated), as rendering needs them.
   * false: skip that, e.g. to validate in CI where render-time secrets are absent.
   */
  resolveSecrets: boolean;
}

/** One family of semantic checks; returns errors and warnings with the field path they concern. */
export type Check = (model: ClusterModel, context: LintContext) => Diagnostic[];
