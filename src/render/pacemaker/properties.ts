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

/** What Pacemaker 2 makes of a Pacemaker 1.0 cluster option: its name there (none when it is left out) and why it differs. */
export interface PropertyUpgrade {
  name?: string;
  why?: string;
}

/** Shared with the stack translation (src/translate/pacemaker-syntax.ts), so both tell the same story. */
export function upgradeProperty(name: string): PropertyUpgrade {
  if (name in dropped) return { why: `${dropped[name]} (Pacemaker 2 rejects it)` };
  if (name in renamed) return { name: renamed[name], why: 'renamed in Pacemaker 2' };
  return { name };
}

export function translateProperties(properties: Record<string, string | number | boolean>, syntax: Syntax): TranslatedProperties {
  const pairs = Object.entries(properties).map(([name, value]): Pair => [name, String(value), `properties.${name}`]);
  if (syntax === '1.0') return { properties: pairs, notes: [] };
  const notes: string[] = [];
  const kept: Pair[] = [];
  for (const [name, value, path] of pairs) {
    const upgrade = upgradeProperty(name);
    if (upgrade.name === undefined) notes.push(`${name} left out: ${upgrade.why}`);
    else if (upgrade.name !== name) notes.push(`${name} is ${upgrade.name} in Pacemaker 2`);
    if (upgrade.name) kept.push([upgrade.name, value, path]);
  }
  return { properties: kept, notes };
}
