import type { ClusterModel, ConstraintModel, Score } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';
import type { PlannedConstraint } from './plan.js';
import { roleName, type Syntax } from './syntax.js';

/** A group's `preferred` node and a DRBD master's become location constraints unless the stack places them itself. */
export function preferredLocations(model: ClusterModel, syntax: Syntax): PlannedConstraint[] {
  const located = new Set(model.constraints.flatMap((c) => (c.type === 'location' ? [c.rsc] : [])));
  const planned: PlannedConstraint[] = [];
  for (const r of model.resources) {
    if (r.kind === 'group' && r.preferred && !located.has(r.name)) {
      planned.push({ type: 'location', id: `loc_${r.name}_${r.preferred}`, rsc: r.name, score: String(r.score), node: r.preferred });
    }
  }
  for (const r of allPrimitives(model)) {
    if (r.kind === 'drbd' && r.master.preferred && !located.has(r.master.name)) {
      planned.push({
        type: 'location',
        id: `loc_${r.master.name}_${r.master.preferred}`,
        rsc: r.master.name,
        score: String(r.master.score),
        node: r.master.preferred,
        role: roleName('master', syntax),
      });
    }
  }
  return planned;
}

export function planConstraint(c: ConstraintModel, syntax: Syntax): PlannedConstraint {
  const role = (r: 'master' | 'slave' | 'started' | undefined) => (r ? roleName(r, syntax) : undefined);
  switch (c.type) {
    case 'location':
      return { type: 'location', id: c.id, rsc: c.rsc, score: scoreText(c.score), node: c.node, role: role(c.role) };
    case 'colocation':
      return { type: 'colocation', id: c.id, score: scoreText(c.score), rsc: c.rsc, with: c.with, withRole: role(c.withRole) };
    case 'order':
      return { type: 'order', id: c.id, kind: c.kind, first: c.first, firstAction: c.firstAction, then: c.then, thenAction: c.thenAction };
  }
}

function scoreText(score: Score): string {
  return String(score);
}
