import { formatCrmDuration } from '../../model/duration.js';
import type { ClusterModel, ConstraintModel, OpModel, PrimitiveModel, Score } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';
import type { PlatformProfile } from '../../platform/profiles.js';
import { agentOf, type Agent } from './agents.js';
import { translateProperties } from './properties.js';
import { roleName, type Syntax } from './syntax.js';

export type Pair = [name: string, value: string];

export interface PlannedOp {
  name: string;
  interval: string;
  timeout?: string;
  onFail?: string;
  role?: string;
}

export interface PlannedPrimitive {
  id: string;
  agent: Agent;
  params: Pair[];
  ops: PlannedOp[];
  meta: Pair[];
}

export interface PlannedGroup {
  id: string;
  members: string[];
  meta: Pair[];
}

/** `ms` in Pacemaker 1.0, a promotable `clone` in 2.x. */
export interface PlannedPromotable {
  id: string;
  child: string;
  meta: Pair[];
}

/** An anonymous clone that runs everywhere, such as the ping resource. */
export interface PlannedClone {
  id: string;
  child: string;
}

export type PlannedConstraint =
  | { type: 'location'; id: string; rsc: string; score: string; node: string; role?: string }
  | { type: 'colocation'; id: string; score: string; rsc: string; rscRole?: string; with: string; withRole?: string }
  | { type: 'order'; id: string; kind: 'Mandatory' | 'Optional' | 'Serialize'; first: string; firstAction: string; then: string; thenAction: string };

/** What Pacemaker is told, independent of how it is written down (crm script or cib.xml). */
export interface PacemakerPlan {
  syntax: Syntax;
  properties: Pair[];
  /** stack properties this Pacemaker version names differently or refuses, and what became of them */
  propertyNotes: string[];
  /** standalone primitives and group members, in stack order */
  primitives: PlannedPrimitive[];
  groups: PlannedGroup[];
  promotables: PlannedPromotable[];
  clones: PlannedClone[];
  constraints: PlannedConstraint[];
}

export function planPacemaker(model: ClusterModel, profile: PlatformProfile): PacemakerPlan {
  const syntax: Syntax = model.pacemaker?.syntax ?? profile.pacemakerSyntax;
  const primitives = allPrimitives(model);
  const ping = pingResource(model);
  const translated = translateProperties(model.properties, syntax);
  return {
    syntax,
    properties: translated.properties,
    propertyNotes: translated.notes,
    primitives: [...primitives.map((p) => planPrimitive(p, profile, syntax)), ...(ping ? [ping] : [])],
    groups: model.resources.flatMap((r) =>
      r.kind === 'group' ? [{ id: r.name, members: r.members.map((m) => m.name), meta: failureMeta(r) }] : [],
    ),
    promotables: primitives.flatMap((p) => (p.kind === 'drbd' ? [planPromotable(p, model, syntax)] : [])),
    clones: ping ? [{ id: `cl_${ping.id}`, child: ping.id }] : [],
    constraints: [...preferredLocations(model, syntax), ...model.constraints.map((c) => planConstraint(c, syntax))],
  };
}

function planPrimitive(p: PrimitiveModel, profile: PlatformProfile, syntax: Syntax): PlannedPrimitive {
  return {
    id: p.name,
    agent: agentOf(p, profile),
    params: paramsOf(p),
    ops: p.kind === 'drbd' ? drbdOps(p.ops, syntax) : p.ops.map(planOp),
    meta: [...failureMeta(p), ...Object.entries(p.meta).map(([k, v]): Pair => [k, String(v)])],
  };
}

export const PING_RESOURCE = 'ping';

/**
 * heartbeat's respawned pingd (seed 003) is gone from Pacemaker 2; the same node attribute comes from an
 * ocf:pacemaker:ping clone there, so ha.cf drops the respawn line (see src/render/heartbeat/ha-cf.ts).
 */
export function pingReplacesPingd(model: ClusterModel): boolean {
  return model.runtime === 'pacemaker' && model.pacemaker?.syntax === '2' && model.heartbeat?.pingd !== undefined && model.heartbeat.ping.length > 0;
}

function pingResource(model: ClusterModel): PlannedPrimitive | undefined {
  const hb = model.heartbeat;
  if (!hb?.pingd || !pingReplacesPingd(model)) return undefined;
  return {
    id: PING_RESOURCE,
    agent: { cls: 'ocf', provider: 'pacemaker', type: 'ping' },
    params: [
      ['host_list', hb.ping.join(' ')],
      ['multiplier', String(hb.pingd.multiplier)],
      ['dampen', formatCrmDuration(hb.pingd.dampenMs)],
      ['name', hb.pingd.attribute],
    ],
    ops: [{ name: 'monitor', interval: '10s', timeout: '60s' }],
    meta: [],
  };
}

function paramsOf(p: PrimitiveModel): Pair[] {
  switch (p.kind) {
    case 'vip':
      return [['ip', p.ip], ...(p.nic ? [['nic', p.nic] as Pair] : []), ['cidr_netmask', String(p.prefix)]];
    case 'apache':
      return [['configfile', p.configfile], ['statusurl', p.statusurl]];
    case 'tomcat':
      return [['java_home', p.javaHome], ['catalina_home', p.catalinaHome], ['tomcat_user', p.user], ['statusurl', p.statusurl]];
    case 'ocf':
      return Object.entries(p.params).map(([k, v]): Pair => [k, String(v)]);
    case 'drbd':
      return [['drbd_resource', p.resource]];
    case 'filesystem':
      return [['device', p.device], ['directory', p.directory], ['fstype', p.fstype], ...(p.options ? [['options', p.options] as Pair] : [])];
    default:
      return [];
  }
}

function planOp(op: OpModel): PlannedOp {
  return {
    name: op.name,
    interval: formatCrmDuration(op.intervalMs),
    timeout: op.timeoutMs === undefined ? undefined : formatCrmDuration(op.timeoutMs),
    onFail: op.onFail,
  };
}

/** Pacemaker needs distinct intervals per role, so the unpromoted monitor runs one second later. */
function drbdOps(ops: OpModel[], syntax: Syntax): PlannedOp[] {
  return ops.flatMap((op) => {
    if (op.name !== 'monitor') return [planOp(op)];
    return [
      { ...planOp(op), role: roleName('master', syntax) },
      { ...planOp({ ...op, intervalMs: op.intervalMs + 1000 }), role: roleName('slave', syntax) },
    ];
  });
}

function failureMeta(r: { migrationThreshold?: number; failureTimeoutMs?: number }): Pair[] {
  const meta: Pair[] = [];
  if (r.migrationThreshold !== undefined) meta.push(['migration-threshold', String(r.migrationThreshold)]);
  if (r.failureTimeoutMs !== undefined) meta.push(['failure-timeout', formatCrmDuration(r.failureTimeoutMs)]);
  return meta;
}

function planPromotable(p: Extract<PrimitiveModel, { kind: 'drbd' }>, model: ClusterModel, syntax: Syntax): PlannedPromotable {
  const hosts = model.drbd.find((d) => d.name === p.resource)?.hosts.length ?? 2;
  const promoted = syntax === '1.0' ? 'master' : 'promoted';
  const meta: Pair[] = [
    ...(syntax === '2' ? [['promotable', 'true'] as Pair] : []),
    [`${promoted}-max`, '1'],
    [`${promoted}-node-max`, '1'],
    ['clone-max', String(hosts)],
    ['clone-node-max', '1'],
    ['notify', 'true'],
  ];
  return { id: p.master.name, child: p.name, meta };
}

function preferredLocations(model: ClusterModel, syntax: Syntax): PlannedConstraint[] {
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

function planConstraint(c: ConstraintModel, syntax: Syntax): PlannedConstraint {
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
