import { createHash } from 'node:crypto';
import type { ClusterModel } from '../model/model.js';
import type { RenderedFile, ServiceAction } from '../render/artifact.js';
import { limiter } from '../transport/limit.js';
import { conflictReason } from '../transport/errors.js';
import { normalizeMode } from '../transport/shell.js';
import { isPathConflict, type PathConflict, type PathConflictKind, type RemoteFile, type Transport } from '../transport/transport.js';
import { fileDiff } from './diff.js';
import { ApplyError } from './errors.js';
import { applyTargets, type ApplyTarget } from './targets.js';
import { planUsers, type UserPlan } from './users.js';

/** 'conflict': hactl will not touch the path (a symbolic link, a link out of the node's root, not a file); apply refuses the node. */
export type FileAction = 'create' | 'update' | 'unchanged' | 'conflict';
export type FileChange = 'content' | 'mode' | 'owner';

/** One file's drift. JSON-safe and secret-safe: no content, and no hash of a secret (a short VRRP pass hash is guessable). */
export interface PlannedFile {
  path: string;
  action: FileAction;
  changes: FileChange[];
  mode: string;
  owner: string;
  size: number;
  secret: boolean;
  sha256?: string;
  current?: { mode: string; owner: string; size: number; mtimeMs: number; sha256?: string };
  /** unified diff, a one-line note for secrets and attribute-only changes, '' when unchanged */
  diff: string;
  service?: { name: string; action: ServiceAction };
  checker?: RenderedFile['checker'];
  conflict?: { kind: PathConflictKind; reason: string };
}

export interface ServiceStep {
  service: string;
  action: 'reload' | 'restart';
  /** the changed files that call for it */
  because: string[];
}

export interface NodePlan {
  /** node name, or '_cluster' for cluster-wide files */
  node: string;
  scope: 'node' | 'cluster';
  /** the node that carries the files */
  via: string;
  target: string;
  files: PlannedFile[];
  /** the stack's users on this node, ensured before its files (none for cluster-wide files) */
  users: UserPlan[];
  services: ServiceStep[];
}

export interface Plan {
  cluster: string;
  nodes: NodePlan[];
  /** `users`: users to create */
  summary: { create: number; update: number; unchanged: number; conflict: number; users: number };
  /** the cluster manager's own configuration (Pacemaker's CIB): what loading the rendered one would change */
  configuration?: ConfigurationPlan;
}

/** One step of a plan: loading the cluster-wide configuration into the running cluster manager, once, on one node. */
export interface ConfigurationPlan {
  node?: string;
  /** the changes, in the cluster manager's own words; empty: nothing would change */
  changes: string[];
  /** why nothing was compared (the cluster manager is not running with quorum yet) */
  skipped?: string;
}

export type TransportMap = ReadonlyMap<string, Transport>;

export interface PlanOptions {
  model: ClusterModel;
  result: { files: readonly RenderedFile[] };
  transports: TransportMap;
  /** nodes read at once; default 10 */
  concurrency?: number;
}

// 'user' alone (no group) leaves the group to whatever the file has, as chown does.
const ownerMatches = (live: string, desired: string): boolean =>
  desired.includes(':') ? live === desired : live.split(':')[0] === desired;

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export function planFile(file: RenderedFile, live: RemoteFile | PathConflict | undefined): PlannedFile {
  const desired = Buffer.from(file.content);
  const mode = normalizeMode(file.mode);
  const secret = file.secret ?? false;
  if (isPathConflict(live)) {
    return {
      path: file.path, action: 'conflict', changes: [], mode, owner: file.owner, size: desired.length, secret, diff: '',
      conflict: { kind: live.conflict, reason: conflictReason(live.conflict) },
    };
  }
  const changes: FileChange[] = [];
  if (live) {
    if (!live.content.equals(desired)) changes.push('content');
    if (live.mode !== mode) changes.push('mode');
    if (!ownerMatches(live.owner, file.owner)) changes.push('owner');
  }
  const action: FileAction = !live ? 'create' : changes.length ? 'update' : 'unchanged';
  let diff = fileDiff(file.path, live?.content, desired, secret);
  const attrs = changes.filter((c) => c !== 'content').map((c) => (c === 'mode' ? `mode ${live!.mode} -> ${mode}` : `owner ${live!.owner} -> ${file.owner}`));
  if (attrs.length) diff = [attrs.join(', '), diff].filter(Boolean).join('\n');
  return {
    path: file.path,
    action,
    changes,
    mode,
    owner: file.owner,
    size: desired.length,
    secret,
    ...(secret ? {} : { sha256: sha256(desired) }),
    ...(live ? { current: { mode: live.mode, owner: live.owner, size: live.content.length, mtimeMs: live.mtimeMs, ...(secret ? {} : { sha256: sha256(live.content) }) } } : {}),
    diff,
    ...(file.service ? { service: file.service } : {}),
    ...(file.checker ? { checker: file.checker } : {}),
  };
}

/** restart wins over reload; 'none' and unchanged files call for nothing. */
export function serviceSteps(files: readonly PlannedFile[]): ServiceStep[] {
  const steps = new Map<string, ServiceStep>();
  for (const f of files) {
    if (f.action === 'unchanged' || f.action === 'conflict' || !f.service || f.service.action === 'none') continue;
    const step = steps.get(f.service.name) ?? { service: f.service.name, action: f.service.action, because: [] };
    if (f.service.action === 'restart') step.action = 'restart';
    step.because.push(f.path);
    steps.set(f.service.name, step);
  }
  return [...steps.values()];
}

export function transportFor(target: ApplyTarget, transports: TransportMap): Transport {
  const t = transports.get(target.via);
  if (!t) throw new ApplyError('apply-no-transport', target.node, `${target.node}: no connection to ${target.via} (is it in the inventory?)`);
  return t;
}

/** Reads the live files and users of one target and pairs each plan entry with the rendered file it came from. */
export async function planTarget(
  target: ApplyTarget,
  transport: Transport,
  opts: { removeTemp?: boolean } = {},
): Promise<{ plan: NodePlan; pairs: { planned: PlannedFile; file: RenderedFile }[] }> {
  const [live, users] = await Promise.all([transport.readFiles(target.files.map((f) => f.path), opts), planUsers(target.users, transport)]);
  const pairs = target.files.map((file, i) => ({ planned: planFile(file, live[i]), file }));
  const files = pairs.map((p) => p.planned);
  return {
    plan: { node: target.node, scope: target.scope, via: target.via, target: transport.target, files, users, services: serviceSteps(files) },
    pairs,
  };
}

export function summarize(nodes: readonly NodePlan[]): Plan['summary'] {
  const all = nodes.flatMap((n) => n.files);
  return {
    create: all.filter((f) => f.action === 'create').length,
    update: all.filter((f) => f.action === 'update').length,
    unchanged: all.filter((f) => f.action === 'unchanged').length,
    conflict: all.filter((f) => f.action === 'conflict').length,
    users: nodes.flatMap((n) => n.users).filter((u) => u.action === 'create').length,
  };
}

/** What apply would change on every node: read-only, safe to run any time (the `hactl plan` command). */
export async function planStack(opts: PlanOptions): Promise<Plan> {
  const limit = limiter(opts.concurrency ?? 10);
  const targets = applyTargets(opts.model, opts.result.files);
  const nodes = await Promise.all(targets.map((t) => limit(async () => (await planTarget(t, transportFor(t, opts.transports))).plan)));
  return { cluster: opts.model.cluster, nodes, summary: summarize(nodes) };
}

/** The `--expect-no-changes` gate: true when any file or user would be created or changed (or is in conflict). */
export function hasDrift(plan: Plan): boolean {
  return (plan.configuration?.changes.length ?? 0) > 0
    || plan.nodes.some((n) => n.files.some((f) => f.action !== 'unchanged') || n.users.some((u) => u.action === 'create' || u.action === 'clash'));
}

/** Files apply would refuse to touch: apply fails their node. */
export const conflicts = (plan: Pick<NodePlan, 'files'>): PlannedFile[] => plan.files.filter((f) => f.action === 'conflict');

/** Whether apply would refuse a node of this plan (a file in conflict, a user that clashes): `hactl plan` exits 1. */
export const refusesAny = (plan: Plan): boolean =>
  plan.nodes.some((n) => conflicts(n).length > 0 || n.users.some((u) => u.action === 'clash'));
