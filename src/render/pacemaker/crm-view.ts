import { crmName, crmQuote } from '../escape/crm.js';
import { agentText } from './agents.js';
import type { Pair, PacemakerPlan, PlannedConstraint, PlannedOp, PlannedPrimitive } from './plan.js';

export interface CrmView {
  cluster: string;
  syntax: string;
  path: string;
  /** the one `property` statement, empty when the stack sets none */
  property: string;
  notes: string[];
  primitives: { head: string; clauses: string[] }[];
  statements: string[];
}

const pairs = (list: Pair[]) => list.map(([k, v, path]) => `${crmName(k, path)}=${crmQuote(v, path)}`).join(' ');

function crmScore(score: string): string {
  if (score === 'INFINITY') return 'inf';
  if (score === '-INFINITY') return '-inf';
  return score;
}

function opClause(op: PlannedOp): string {
  const attrs: Pair[] = [['interval', op.interval]];
  if (op.timeout !== undefined) attrs.push(['timeout', op.timeout]);
  if (op.onFail !== undefined) attrs.push(['on-fail', op.onFail]);
  if (op.role !== undefined) attrs.push(['role', op.role]);
  return `op ${op.name} ${pairs(attrs)}`;
}

function primitiveView(p: PlannedPrimitive): CrmView['primitives'][number] {
  const clauses = [];
  if (p.params.length) clauses.push(`params ${pairs(p.params)}`);
  clauses.push(...p.ops.map(opClause));
  if (p.meta.length) clauses.push(`meta ${pairs(p.meta)}`);
  return { head: `primitive ${p.id} ${agentText(p.agent)}`, clauses };
}

function constraintStatement(c: PlannedConstraint, syntax: PacemakerPlan['syntax']): string {
  const withRole = (rsc: string, role?: string) => (role ? `${rsc}:${role}` : rsc);
  switch (c.type) {
    case 'location': {
      if (!c.role) return `location ${c.id} ${c.rsc} ${crmScore(c.score)}: ${c.node}`;
      const role = syntax === '1.0' ? crmQuote(c.role) : c.role;
      return `location ${c.id} ${c.rsc} rule $role=${role} ${crmScore(c.score)}: #uname eq ${c.node}`;
    }
    case 'colocation':
      return `colocation ${c.id} ${crmScore(c.score)}: ${withRole(c.rsc, c.rscRole)} ${withRole(c.with, c.withRole)}`;
    case 'order': {
      // Pacemaker 1.0 wrote orders as scores (inf: mandatory, 0: optional)
      const kind = syntax === '1.0' && c.kind !== 'Serialize' ? (c.kind === 'Mandatory' ? 'inf' : '0') : c.kind;
      return `order ${c.id} ${kind}: ${c.first}:${c.firstAction} ${c.then}:${c.thenAction}`;
    }
  }
}

/** The crm script: property first (without it a fresh cluster refuses to start anything), then resources, then constraints. */
export function crmView(plan: PacemakerPlan, cluster: string, path: string): CrmView {
  const { syntax } = plan;
  const propertyId = syntax === '1.0' ? `$id=${crmQuote('cib-bootstrap-options')} ` : '';
  const statements = [
    ...plan.groups.map((g) => `group ${g.id} ${g.members.join(' ')}${g.meta.length ? ` meta ${pairs(g.meta)}` : ''}`),
    ...plan.promotables.map((m) => `${syntax === '1.0' ? 'ms' : 'clone'} ${m.id} ${m.child} meta ${pairs(m.meta)}`),
    ...plan.clones.map((c) => `clone ${c.id} ${c.child}`),
    ...plan.constraints.map((c) => constraintStatement(c, syntax)),
  ];
  return {
    cluster,
    syntax: syntax === '1.0' ? 'Pacemaker 1.0' : 'Pacemaker 2',
    path,
    property: plan.properties.length ? `property ${propertyId}${pairs(plan.properties)}` : '',
    notes: plan.propertyNotes,
    primitives: plan.primitives.map(primitiveView),
    statements,
  };
}
