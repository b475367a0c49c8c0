import { join } from 'node:path';
import { loadStack, loadStackData } from '../../src/load/load-stack.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { lintModel } from '../../src/lint/index.js';
import type { ClusterInput } from '../../src/model/cluster.js';
import type { ClusterModel } from '../../src/model/model.js';
import type { SecretSource } from '../../src/secrets/source.js';
import type { TranslationItem } from '../../src/translate/index.js';
import { isGroup, type GroupInput } from '../../src/translate/stack.js';
import type { TranslateContext, Translation } from '../../src/translate/translation.js';
import { platformProfile } from '../../src/platform/profiles.js';

const root = join(import.meta.dirname, '..', '..');

/** The keys the stacks name (env HACTL_AUTHKEY, HACTL_VRRP_PASS), as validate would read them. */
export const env = { HACTL_AUTHKEY: 'a-shared-cluster-key', HACTL_VRRP_PASS: '1111' };

/** Keys for rendering: env references from `env`, and a fixed key for the key files a translation has render generate. */
export const keys: SecretSource = {
  resolve: (ref) => ('env' in ref ? { ok: true, value: env[ref.env as keyof typeof env] } : { ok: true, value: 'a-generated-cluster-key' }),
};

/** A shipped stack (stacks/NAME.yaml) as data. */
export async function stack(name: string): Promise<ClusterInput> {
  const loaded = await loadStack(join(root, 'stacks', `${name}.yaml`));
  if (!loaded.input) throw new Error(`${name}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.input;
}

/** A shipped stack as if written for debian12, for translations tested apart from the platform step. */
export async function onDebian12(name: string): Promise<ClusterInput> {
  return { ...(await stack(name)), platform: 'debian12' };
}

export interface Validated {
  model?: ClusterModel;
  /** schema errors, then lint findings: what `hactl validate` reports for the stack */
  diagnostics: Diagnostic[];
}

/** The normal pipeline on a translated stack: schema (loadStackData), then every lint check. */
export async function validate(input: ClusterInput): Promise<Validated> {
  const loaded = await loadStackData('translated.yaml', input);
  if (!loaded.model) return { diagnostics: loaded.diagnostics };
  return { model: loaded.model, diagnostics: lintModel(loaded.model, { env, baseDir: root, resolveSecrets: true }) };
}

export const errorsOf = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message} [${d.code}]`);

/** Items of a report, as `kind rule path` for assertions that do not depend on wording. */
export const rules = (report: readonly TranslationItem[]) => report.map((i) => `${i.kind} ${i.rule} ${i.path}`);

export const itemOf = (report: readonly TranslationItem[], rule: string, path?: string): TranslationItem => {
  const found = report.find((i) => i.rule === rule && (path === undefined || i.path === path));
  if (!found) throw new Error(`no item ${rule}${path ? ` at ${path}` : ''} in:\n${rules(report).join('\n')}`);
  return found;
};

/** The group at resources[i] (the tests know it is one). */
export function groupAt(input: ClusterInput, i: number): GroupInput {
  const r = input.resources?.[i];
  if (!r || !isGroup(r)) throw new Error(`resources[${i}] is not a group`);
  return r;
}

/** Translating for debian12 from a stack already on debian12 (the platform step is tested on its own). */
export const onDebian: TranslateContext = { platform: 'debian12', profile: platformProfile('debian12'), sourcePlatform: 'debian12' };

/** One translation applied to a copy of the stack: the draft it rewrote and its report. */
export function applied(translation: Translation, input: ClusterInput, ctx: TranslateContext = onDebian) {
  const draft = structuredClone(input);
  return { draft, report: translation.apply(draft, ctx) };
}
