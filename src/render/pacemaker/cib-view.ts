import { xmlComment, xmlEscape } from '../escape/xml.js';
import type { Pair, PacemakerPlan, PlannedConstraint, PlannedPrimitive } from './plan.js';
import { cibSchema } from './syntax.js';

type Attr = [name: string, value: string | undefined];

interface NvSetView {
  id: string;
  pairs: { pad: string; id: string; name: string; value: string }[];
}

interface PrimitiveView {
  pad: string;
  attrs: string;
  instance: NvSetView | '';
  meta: NvSetView | '';
  ops: string[];
}

export interface CibView {
  validateWith: string;
  cluster: string;
  properties: NvSetView | '';
  /** XML comments: no "--" inside */
  notes: string[];
  resources: { container: { tag: string; id: string; meta: NvSetView | '' } | ''; primitives: PrimitiveView[] }[];
  constraints: { tag: string; attrs: string; rule: { attrs: string; expression: string } | '' }[];
}

const attrs = (list: Attr[]) =>
  list
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => `${k}="${xmlEscape(v)}"`)
    .join(' ');

/** Pacemaker 1.0 CIBs name sets `ia-RSC` / `ma-RSC`; Pacemaker 2 tools name them `RSC-instance_attributes`. */
function setId(owner: string, kind: 'instance' | 'meta', syntax: PacemakerPlan['syntax']): string {
  if (syntax === '1.0') return `${kind === 'instance' ? 'ia' : 'ma'}-${owner}`;
  return `${owner}-${kind}_attributes`;
}

function nvset(id: string, pairs: Pair[], pad: string): NvSetView | '' {
  if (pairs.length === 0) return '';
  return {
    id,
    pairs: pairs.map(([name, value, path]) => ({ pad, id: xmlEscape(`${id}-${name}`, path), name: xmlEscape(name, path), value: xmlEscape(value, path) })),
  };
}

function primitiveView(p: PlannedPrimitive, pad: string, syntax: PacemakerPlan['syntax']): PrimitiveView {
  const inner = `${pad}    `;
  return {
    pad,
    attrs: attrs([['id', p.id], ['class', p.agent.cls], ['provider', p.agent.provider || undefined], ['type', p.agent.type]]),
    instance: nvset(setId(p.id, 'instance', syntax), p.params, inner),
    meta: nvset(setId(p.id, 'meta', syntax), p.meta, inner),
    ops: p.ops.map((op) =>
      attrs([
        ['id', `${p.id}-${op.name}-${op.interval}`],
        ['name', op.name],
        ['interval', op.interval],
        ['timeout', op.timeout],
        ['on-fail', op.onFail],
        ['role', op.role],
      ]),
    ),
  };
}

function resourcesView(plan: PacemakerPlan): CibView['resources'] {
  const byId = new Map(plan.primitives.map((p) => [p.id, p]));
  const nested = (ids: string[]) => ids.flatMap((id) => (byId.has(id) ? [primitiveView(byId.get(id)!, '        ', plan.syntax)] : []));
  const container = (tag: string, id: string, meta: Pair[]) => ({
    tag,
    id: xmlEscape(id),
    meta: nvset(setId(id, 'meta', plan.syntax), meta, '          '),
  });
  const emitted = new Set<string>();
  const resources: CibView['resources'] = [];
  // containers appear where their first member stands in the stack
  for (const p of plan.primitives) {
    const group = plan.groups.find((g) => g.members.includes(p.id));
    const promotable = plan.promotables.find((m) => m.child === p.id);
    const clone = plan.clones.find((c) => c.child === p.id);
    if (group) {
      if (!emitted.has(group.id)) resources.push({ container: container('group', group.id, group.meta), primitives: nested(group.members) });
      emitted.add(group.id);
    } else if (promotable) {
      resources.push({ container: container(plan.syntax === '1.0' ? 'master' : 'clone', promotable.id, promotable.meta), primitives: nested([p.id]) });
    } else if (clone) {
      resources.push({ container: container('clone', clone.id, []), primitives: nested([p.id]) });
    } else {
      resources.push({ container: '', primitives: [primitiveView(p, '      ', plan.syntax)] });
    }
  }
  return resources;
}

function constraintView(c: PlannedConstraint): CibView['constraints'][number] {
  switch (c.type) {
    case 'location':
      if (!c.role) return { tag: 'rsc_location', attrs: attrs([['id', c.id], ['rsc', c.rsc], ['node', c.node], ['score', c.score]]), rule: '' };
      return {
        tag: 'rsc_location',
        attrs: attrs([['id', c.id], ['rsc', c.rsc]]),
        rule: {
          attrs: attrs([['id', `${c.id}-rule`], ['role', c.role], ['score', c.score]]),
          expression: attrs([['id', `${c.id}-rule-expr`], ['attribute', '#uname'], ['operation', 'eq'], ['value', c.node]]),
        },
      };
    case 'colocation':
      return {
        tag: 'rsc_colocation',
        attrs: attrs([['id', c.id], ['score', c.score], ['rsc', c.rsc], ['rsc-role', c.rscRole], ['with-rsc', c.with], ['with-rsc-role', c.withRole]]),
        rule: '',
      };
    case 'order':
      // `kind` is in the pacemaker-1.0 schema too, and a `score` draws a deprecation warning from Pacemaker 2
      return {
        tag: 'rsc_order',
        attrs: attrs([['id', c.id], ['kind', c.kind], ['first', c.first], ['first-action', c.firstAction], ['then', c.then], ['then-action', c.thenAction]]),
        rule: '',
      };
  }
}

/** cib.xml without nodes: the cluster stack adds them with the ids it assigns (copying them from another cluster's CIB would clash). */
export function cibView(plan: PacemakerPlan, cluster: string): CibView {
  return {
    validateWith: cibSchema(plan.syntax),
    cluster: xmlComment(cluster),
    properties: nvset('cib-bootstrap-options', plan.properties, '        '),
    notes: plan.propertyNotes.map((n) => xmlComment(n)),
    resources: resourcesView(plan),
    constraints: plan.constraints.map(constraintView),
  };
}
