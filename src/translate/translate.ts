import { Cluster, type ClusterInput } from '../model/cluster.js';
import type { PlatformName, RuntimeName } from '../model/model.js';
import { platformProfile, type PlatformProfile } from '../platform/profiles.js';
import { capabilityBlockers } from './capabilities.js';
import { formOf, formTitles, type Form } from './form.js';
import { platformSummary, retargetPlatform } from './platform.js';
import { chainFor, describeEdges } from './registry.js';
import { blocked, isBlocked, type TranslationItem } from './report.js';
import type { SecretRefInput } from './stack.js';
import type { TranslateContext } from './translation.js';

export interface TranslationResult {
  /** false when an item is blocked: then there is no translated stack, only the report saying why */
  ok: boolean;
  input?: ClusterInput;
  /** every item in the order the translations made them */
  report: TranslationItem[];
}

export interface RetargetOptions {
  platform: PlatformName;
  keyFrom?: SecretRefInput;
}

export interface MigrateOptions {
  runtime: RuntimeName;
  /** the platform of the new stack; the source's when left out */
  platform?: PlatformName;
  /** the key of a target that needs one when the source has none worth keeping; default: a generated key file */
  keyFrom?: SecretRefInput;
}

type Goal = (form: Form, profile: PlatformProfile) => Form | TranslationItem;

/** The form a platform can run that is closest to the stack's: Pacemaker 2 has no heartbeat layer, corosync 3 reads no 1.x. */
const nativeForm: Goal = (form, profile) => {
  if (form === 'pacemaker-heartbeat' && profile.pacemakerSyntax === '2') return 'pacemaker-corosync3';
  if (form === 'pacemaker-corosync1' && profile.corosyncVersion === 3) return 'pacemaker-corosync3';
  return form;
};

const runtimeForm =
  (runtime: RuntimeName): Goal =>
  (_form, profile) => {
    if (runtime !== 'pacemaker') return runtime;
    if (profile.corosyncVersion === 3) return 'pacemaker-corosync3';
    return blocked('platform', 'pacemaker-platform', `Pacemaker 2 on Corosync 3 on ${profile.name}`, `${profile.name} ships Pacemaker 1.0 and corosync 1.x: migrate with platform debian12`);
  };

/** The source as if it ran on the goal's runtime, for lint to say what stands in the way. */
function asGoal(input: ClusterInput, goal: Form): ClusterInput {
  if (!goal.startsWith('pacemaker')) return { ...input, runtime: goal as RuntimeName };
  return { ...input, runtime: 'pacemaker', pacemaker: { messaging: 'corosync', ...input.pacemaker, syntax: '2' } };
}

function translate(input: ClusterInput, platform: PlatformName, goalOf: Goal, keyFrom?: SecretRefInput): TranslationResult {
  const sourcePlatform = input.platform ?? 'debian12';
  const ctx: TranslateContext = { platform, profile: platformProfile(platform), sourcePlatform, keyFrom };
  const report: TranslationItem[] = [];
  const fail = (items: TranslationItem[]): TranslationResult => ({ ok: false, report: [...report, ...items] });
  let draft = structuredClone(input);
  if (platform !== sourcePlatform) {
    const items = retargetPlatform(draft, ctx);
    if (isBlocked(items)) return fail(items);
    report.push(...items);
  }
  const from = formOf(draft);
  const goal = goalOf(from, ctx.profile);
  if (typeof goal !== 'string') return fail([goal]);
  const chain = chainFor(from, goal);
  if (!chain) {
    const why = `no chain of translations leads there (hactl translates ${describeEdges()})`;
    return fail([blocked('runtime', 'no-translation', `${formTitles[from]} → ${formTitles[goal]}`, why), ...capabilityBlockers(asGoal(draft, goal))]);
  }
  for (const step of chain) {
    if (step.needed && !step.needed(draft, ctx)) continue;
    const next = structuredClone(draft);
    const items = step.apply(next, ctx);
    if (isBlocked(items)) return fail(items);
    report.push(...items);
    draft = next;
  }
  const leftovers = capabilityBlockers(draft);
  if (leftovers.length) return fail(leftovers);
  return { ok: true, input: inSchemaOrder(draft), report: [...report, ...platformSummary(input, draft)] };
}

/** Top-level keys in the schema's order, so a migrated stack written as YAML reads like a hand-written one. */
function inSchemaOrder(input: ClusterInput): ClusterInput {
  const order = Object.keys(Cluster.properties);
  const entries = Object.entries(input).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return Object.fromEntries(entries) as ClusterInput;
}

/**
 * The stack as the platform can run it, and nothing more: paths, packages and services of the platform, and the
 * runtimes it lacks (Pacemaker on heartbeat, corosync 1.x, Pacemaker 1.0 syntax) moved to what it has. For `up` and
 * `render --platform`.
 */
export function retarget(input: ClusterInput, options: RetargetOptions): TranslationResult {
  return translate(input, options.platform, nativeForm, options.keyFrom);
}

/** The stack on another runtime (and platform), for `hactl migrate`: one report line per item, or what blocks it. */
export function migrate(input: ClusterInput, options: MigrateOptions): TranslationResult {
  return translate(input, options.platform ?? input.platform ?? 'debian12', runtimeForm(options.runtime), options.keyFrom);
}
