import { checkRuntimeCapabilities } from '../lint/checks/runtime-capabilities.js';
import type { ClusterInput } from '../model/cluster.js';
import { normalize } from '../model/normalize.js';
import { blocked, type TranslationItem } from './report.js';

/**
 * What lint says the stack's runtime and platform cannot run, as blocked items. Run on every translated stack, so a
 * translation never hands back a stack that lint would refuse for its runtime without saying so; and on a source
 * that no translation reaches the target from, so the report names what stands in the way.
 */
export function capabilityBlockers(input: ClusterInput): TranslationItem[] {
  const context = { others: [], env: {}, baseDir: '.', resolveSecrets: false };
  return checkRuntimeCapabilities(normalize(input), context)
    .filter((d) => d.severity === 'error')
    .map((d) => blocked(d.path ?? 'runtime', 'target-capability', d.message, d.hint ?? 'the target cannot express it'));
}
