import type { ClusterInput } from '../model/cluster.js';
import { changed, mapped, type TranslationItem } from './report.js';

/**
 * Cluster properties on a runtime that has none and no quorum (heartbeat v1, keepalived): a no-quorum-policy that let
 * a lone node run anyway (ignore, or any policy with two nodes, which keep quorum alone) loses nothing.
 */
export function propertiesDropped(draft: ClusterInput, lone: string, none: string): TranslationItem[] {
  const twoNodes = Object.keys(draft.nodes).length === 2;
  return Object.entries(draft.properties ?? {}).map(([name, value]) => {
    const inert = name === 'no-quorum-policy' && (value === 'ignore' || twoNodes);
    return (inert ? mapped : changed)(`properties.${name}`, 'property-dropped', `${name}=${String(value)} dropped`, inert ? `${lone}, as this setting allowed` : none);
  });
}
