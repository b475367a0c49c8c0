import type { Pair } from './plan.js';
import type { Syntax } from './syntax.js';

/** Pacemaker 1.0 cluster options that Pacemaker 2 renamed or rejects, translated as its own upgrade-2.10.xsl does. */
const renamed: Record<string, string> = {
  'crmd-transition-delay': 'transition-delay',
  'default-resource-stickiness': 'resource-stickiness',
};
const dropped: Record<string, string> = {
  'expected-quorum-votes': 'corosync 2+ tracks quorum on its own',
  'cluster-infrastructure': 'the running cluster sets it',
  'dc-version': 'the running cluster sets it',
};

export interface TranslatedProperties {
  properties: Pair[];
  /** why a stack property is not written, one line each */
  notes: string[];
}

export function translateProperties(properties: Record<string, string | number | boolean>, syntax: Syntax): TranslatedProperties {
  const pairs = Object.entries(properties).map(([name, value]): Pair => [name, String(value), `properties.${name}`]);
  if (syntax === '1.0') return { properties: pairs, notes: [] };
  const notes: string[] = [];
  const kept: Pair[] = [];
  for (const [name, value, path] of pairs) {
    if (name in dropped) notes.push(`${name} left out: ${dropped[name]} (Pacemaker 2 rejects it)`);
    else if (name in renamed) {
      notes.push(`${name} is ${renamed[name]} in Pacemaker 2`);
      kept.push([renamed[name]!, value, path]);
    } else kept.push([name, value, path]);
  }
  return { properties: kept, notes };
}
