import { describe, expect, it } from 'vitest';
import { platformProfile } from '../../src/platform/profiles.js';
import { translateProperties } from '../../src/render/pacemaker/properties.js';
import { pacemakerSyntax } from '../../src/translate/pacemaker-syntax.js';
import type { TranslateContext } from '../../src/translate/translation.js';
import { applied, itemOf, onDebian, rules, stack } from './support.js';

const ctx: TranslateContext = { ...onDebian, sourcePlatform: 'centos6' };



describe('Pacemaker 1.0 syntax → 2', () => {
  it('renames and drops seed 004’s properties as the renderer does', async () => {
    const input = await stack('004-job-corosync-pacemaker');
    const { draft, report } = applied(pacemakerSyntax, input, ctx);
    expect(draft.pacemaker?.syntax).toBe('2');
    expect(draft.properties).toEqual({ 'no-quorum-policy': 'ignore', 'stonith-enabled': false, 'transition-delay': '0s' });
    expect(rules(report)).toEqual(['changed syntax-2 pacemaker.syntax', 'changed property-dropped properties.expected-quorum-votes', 'changed property-renamed properties.crmd-transition-delay']);
    // one table: what the stack now says is what the renderer makes of the old stack
    const rendered = translateProperties(input.properties!, '2').properties.map(([name, value]) => [name, value]);
    expect(rendered).toEqual(Object.entries(draft.properties!).map(([name, value]) => [name, String(value)]));
  });

  it('reports seed 003’s ms as a promotable clone, its roles as Promoted and its inf: order as Mandatory', async () => {
    const { report } = applied(pacemakerSyntax, await stack('003-drbd-heartbeat-crm'), ctx);
    expect(rules(report)).toEqual([
      'changed syntax-2 pacemaker.syntax',
      'changed ms-to-promotable resources[0]',
      'changed role-names constraints[0]',
      'changed order-kind constraints[1]',
      'changed role-names constraints[2]',
      'changed cib-schema pacemaker.format',
    ]);
    expect(itemOf(report, 'ms-to-promotable').what).toContain('ms ms-drbd0 drbd0 → clone ms-drbd0 meta promotable=true');
    expect(itemOf(report, 'role-names', 'constraints[0]').what).toBe('location role Master → Promoted');
    expect(itemOf(report, 'cib-schema').what).toBe('cib.xml validate-with pacemaker-1.0 → pacemaker-3.7');
  });

  it('is needed only where the stack is in 1.0 syntax and the target runs Pacemaker 2', async () => {
    const seed = await stack('004-job-corosync-pacemaker');
    expect(pacemakerSyntax.needed!(seed, ctx)).toBe(true);
    expect(pacemakerSyntax.needed!({ ...seed, pacemaker: { messaging: 'corosync', syntax: '2' } }, ctx)).toBe(false);
    expect(pacemakerSyntax.needed!(seed, { ...ctx, platform: 'centos6', profile: platformProfile('centos6') })).toBe(false);
  });
});
