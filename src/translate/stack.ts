import type { ClusterInput } from '../model/cluster.js';
import { formatCrmDuration } from '../model/duration.js';
import { blocked, type TranslationItem } from './report.js';
import { allPrimitives, normalize } from '../model/normalize.js';
import { primitiveKinds } from '../model/resources.js';

/** The parts of a stack input the translations rewrite, named once. */
export type HeartbeatInput = NonNullable<ClusterInput['heartbeat']>;
export type LinkInput = Extract<HeartbeatInput['interconnect'], { nic: string }>;
export type CorosyncInput = NonNullable<ClusterInput['corosync']>;
export type AuthInput = NonNullable<ClusterInput['auth']>;
export type SecretRefInput = NonNullable<AuthInput['keyFrom']>;
export type ResourceInput = NonNullable<ClusterInput['resources']>[number];
export type GroupInput = Extract<ResourceInput, { group: string }>;
export type PrimitiveInput = GroupInput['members'][number];
export type PrimitiveKind = (typeof primitiveKinds)[number];
export type VrrpInput = NonNullable<ClusterInput['vrrp']>[number];
export type ConstraintInput = NonNullable<ClusterInput['constraints']>[number];
export type OpInput = NonNullable<PrimitiveInput['start']>;
export type MonitorInput = NonNullable<PrimitiveInput['monitor']>;

export const isGroup = (r: ResourceInput): r is GroupInput => 'group' in r;

export function kindOf(p: PrimitiveInput): PrimitiveKind {
  return primitiveKinds.find((k) => k in p)!;
}

export interface PrimitiveAt {
  p: PrimitiveInput;
  /** its stack path: `resources[0]` or `resources[0].members[1]` */
  path: string;
  group?: GroupInput;
}

/** Every primitive with its stack path, group members included, in stack order. */
export function primitivesOf(input: ClusterInput): PrimitiveAt[] {
  return (input.resources ?? []).flatMap((r, i): PrimitiveAt[] =>
    isGroup(r) ? r.members.map((p, j) => ({ p, path: `resources[${i}].members[${j}]`, group: r })) : [{ p: r, path: `resources[${i}]` }],
  );
}

/** The names primitives get in the rendered configuration (their `name`, else normalize's default), by stack path. */
export function primitiveNames(input: ClusterInput): Map<string, string> {
  return new Map(allPrimitives(normalize(input)).map((p) => [p.path, p.name]));
}

export interface LinkAt {
  link: LinkInput;
  path: string;
}

/** heartbeat.interconnect is one link or a list of them. */
export function linksOf(hb: HeartbeatInput): LinkAt[] {
  const ic = hb.interconnect;
  return Array.isArray(ic) ? ic.map((link, i) => ({ link, path: `heartbeat.interconnect[${i}]` })) : [{ link: ic, path: 'heartbeat.interconnect' }];
}

/** Durations written back into a stack: `30s`, `500ms`. */
export const duration = formatCrmDuration;

/** Seconds shown in a report line: `30 s`, `3.609 s`. */
export const secondsText = (ms: number) => `${ms / 1000} s`;

/** The nodes in stack order. */
export const nodeNames = (input: ClusterInput) => Object.keys(input.nodes);

/** Lint requires the heartbeat section of these runtimes, but a translation may be handed a stack lint never saw. */
export const noHeartbeat = (runtime: string): TranslationItem[] => [
  blocked('heartbeat', 'heartbeat-missing', 'no heartbeat section', `${runtime} needs one for its links and timings`),
];
