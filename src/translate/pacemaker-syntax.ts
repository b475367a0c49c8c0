import type { ClusterInput } from '../model/cluster.js';
import { platformProfile } from '../platform/profiles.js';
import { upgradeProperty } from '../render/pacemaker/properties.js';
import { cibSchema, roleName } from '../render/pacemaker/syntax.js';
import { changed, type TranslationItem } from './report.js';
import { primitiveNames, primitivesOf } from './stack.js';
import type { Translation } from './translation.js';

/** The syntax a stack is rendered in: its own, else its platform's. */
export function syntaxOf(input: ClusterInput): '1.0' | '2' {
  return input.pacemaker?.syntax ?? platformProfile(input.platform ?? 'debian12').pacemakerSyntax;
}

const roles = (role: 'master' | 'slave') => `${roleName(role, '1.0')} → ${roleName(role, '2')}`;

/** Cluster options Pacemaker 2 renamed or refuses, as the renderer translates them (src/render/pacemaker/properties.ts). */
function properties(draft: ClusterInput): TranslationItem[] {
  if (!draft.properties) return [];
  const items: TranslationItem[] = [];
  const out: NonNullable<ClusterInput['properties']> = {};
  for (const [name, value] of Object.entries(draft.properties)) {
    const upgrade = upgradeProperty(name);
    if (upgrade.name !== undefined) out[upgrade.name] = value;
    if (upgrade.why === undefined) continue;
    const what = upgrade.name === undefined ? `${name} dropped` : `${name} → ${upgrade.name}`;
    items.push(changed(`properties.${name}`, upgrade.name === undefined ? 'property-dropped' : 'property-renamed', what, upgrade.why));
  }
  draft.properties = out;
  return items;
}

/** Pacemaker 1.0's CIB syntax (ms, Master/Slave, `inf:` orders) → Pacemaker 2's (promotable clones, Promoted/Unpromoted, kinds). */
export const pacemakerSyntax: Translation = {
  id: 'pacemaker-syntax',
  from: 'pacemaker-corosync3',
  to: 'pacemaker-corosync3',
  title: 'Pacemaker 1.0 CIB syntax → Pacemaker 2',
  needed: (input, ctx) => input.runtime === 'pacemaker' && syntaxOf(input) === '1.0' && ctx.profile.pacemakerSyntax === '2',
  apply(draft) {
    const items: TranslationItem[] = [
      changed('pacemaker.syntax', 'syntax-2', 'Pacemaker 1.0 syntax → 2', 'the target runs Pacemaker 2.1 and crmsh 4.4, which reject or rewrite 1.0 names'),
      ...properties(draft),
    ];
    const names = primitiveNames(draft);
    for (const { p, path } of primitivesOf(draft)) {
      if (!('drbd' in p)) continue;
      const master = p.master?.name ?? `ms_${p.drbd}`;
      const what = `ms ${master} ${names.get(path)} → clone ${master} meta promotable=true (master-max → promoted-max); monitor roles ${roles('master')}, ${roles('slave')}`;
      items.push(changed(path, 'ms-to-promotable', what, 'Pacemaker 2 replaced master/slave resources with promotable clones'));
    }
    (draft.constraints ?? []).forEach((c, i) => {
      const path = `constraints[${i}]`;
      if ('location' in c && (c.location.role === 'master' || c.location.role === 'slave')) {
        items.push(changed(path, 'role-names', `location role ${roles(c.location.role)}`, 'Pacemaker 2 names the roles of promotable clones Promoted and Unpromoted'));
      }
      if ('colocation' in c && (c.colocation.withRole === 'master' || c.colocation.withRole === 'slave')) {
        items.push(changed(path, 'role-names', `colocation with-role ${roles(c.colocation.withRole)}`, 'Pacemaker 2 names the roles of promotable clones Promoted and Unpromoted'));
      }
      if ('order' in c && c.order.kind !== 'Serialize') {
        const kind = c.order.kind ?? 'Mandatory';
        items.push(changed(path, 'order-kind', `order score ${kind === 'Mandatory' ? 'inf' : '0'}: → kind ${kind}:`, 'crmsh for Pacemaker 2 writes an order’s kind, not a score'));
      }
    });
    const format = draft.pacemaker?.format ?? 'crmsh';
    if (format !== 'crmsh') {
      items.push(changed('pacemaker.format', 'cib-schema', `cib.xml validate-with ${cibSchema('1.0')} → ${cibSchema('2')}`, 'the first schema with Promoted/Unpromoted roles'));
    }
    draft.pacemaker = { ...draft.pacemaker!, syntax: '2' };
    return items;
  },
};
