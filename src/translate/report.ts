import { error, type Diagnostic } from '../diagnostics/index.js';

/**
 * mapped: the target says the same thing in its own terms; changed: the target does it differently (what and why);
 * blocked: the target cannot express it, so the translation fails rather than drop it.
 */
export type TranslationKind = 'mapped' | 'changed' | 'blocked';

export interface TranslationItem {
  kind: TranslationKind;
  /** where in the source stack the item comes from, as lint paths are written: `heartbeat.deadtime`, `resources[1].members[0]` */
  path: string;
  /** a stable name of the rule that produced the item (`knet-link`, `token-from-deadtime`): tests and tools match on it, not on wording */
  rule: string;
  what: string;
  why: string;
}

const item =
  (kind: TranslationKind) =>
  (path: string, rule: string, what: string, why: string): TranslationItem => ({ kind, path, rule, what, why });

export const mapped = item('mapped');
export const changed = item('changed');
export const blocked = item('blocked');

export function isBlocked(items: readonly TranslationItem[]): boolean {
  return items.some((i) => i.kind === 'blocked');
}

/** One line per item, as `up`, `render --platform` and `migrate` print it. */
export function formatTranslation(i: TranslationItem): string {
  return `${i.kind} ${i.path}: ${i.what} (${i.why})`;
}

/** Blocked items as error diagnostics, so the CLI locates them at file:line:column of the source stack. */
export function blockedDiagnostics(items: readonly TranslationItem[]): Diagnostic[] {
  return items.filter((i) => i.kind === 'blocked').map((i) => error('translate-blocked', i.path, `${i.what}: ${i.why}`));
}
