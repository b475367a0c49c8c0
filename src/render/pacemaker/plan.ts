import { formatCrmDuration } from '../../model/duration.js';
import type { ClusterModel, OpModel, PrimitiveModel } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';
import type { PlatformProfile } from '../../platform/profiles.js';
import { agentOf, type Agent } from './agents.js';
import { planConstraint, preferredLocations } from './constraints.js';
import { pingResource } from './ping.js';
import { translateProperties } from './properties.js';
import { roleName, type Syntax } from './syntax.js';

/** An attribute: name, value, and the stack field it comes from (for errors; absent when hactl derived it). */
export type Pair = [name: string, value: string, path?: string];

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
    params: paramsOf(p, profile),
    ops: p.kind === 'drbd' ? drbdOps(p.ops, syntax) : p.ops.map(planOp),
    meta: [...failureMeta(p), ...Object.entries(p.meta).map(([k, v]): Pair => [k, String(v), `${p.path}.meta.${k}`])],
  };
}

function paramsOf(p: PrimitiveModel, profile: PlatformProfile): Pair[] {
  const field = (name: string, value: string, key: string): Pair => [name, value, `${p.path}.${key}`];
  switch (p.kind) {
    case 'vip':
      return [['ip', p.ip], ...(p.nic ? [['nic', p.nic] as Pair] : []), ['cidr_netmask', String(p.prefix)]];
    case 'apache':
      return [field('configfile', p.configfile, 'apache.configfile'), field('statusurl', p.statusurl, 'apache.statusurl')];
    case 'tomcat':
      return [
        field('java_home', p.javaHome, 'tomcat.javaHome'),
        field('catalina_home', p.catalinaHome, 'tomcat.catalinaHome'),
        // the distribution's Tomcat keeps its instance (conf, webapps, logs) apart from the shared install
        ...(profile.tomcat && p.catalinaHome === profile.tomcat.home ? [['catalina_base', profile.tomcat.base] as Pair] : []),
        // resource-agents 4.12 (Debian 12) picks its default PID file for the start action only: every monitor then
        // finds none and calls Tomcat not running, and Pacemaker restarts it forever. A PID file in the instance's
        // logs (the Tomcat user writes there) is the one start, monitor and stop all read.
        ...(profile.tomcat && p.catalinaHome === profile.tomcat.home ? [['catalina_pid', `${profile.tomcat.base}/logs/catalina.pid`] as Pair] : []),
        ['tomcat_user', p.user],
        field('statusurl', p.statusurl, 'tomcat.statusurl'),
      ];
    case 'ocf':
      return Object.entries(p.params).map(([k, v]): Pair => [k, String(v), `${p.path}.params.${k}`]);
    case 'drbd':
      return [['drbd_resource', p.resource]];
    case 'filesystem':
      return [
        field('device', p.device, 'filesystem.device'),
        field('directory', p.directory, 'filesystem.directory'),
        ['fstype', p.fstype],
        ...(p.options ? [field('options', p.options, 'filesystem.options')] : []),
      ];
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
