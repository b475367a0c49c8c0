import type { Where } from './located.js';

/**
 * What became of a part of the source configuration, one line each:
 * - imported: said the same way in the stack (only listed with --verbose);
 * - changed: said differently in the stack (what and why);
 * - passthrough: the stack cannot express it: kept as a file (files:) and named here;
 * - skipped: left out on purpose, with the reason (a value the running cluster sets itself, a default);
 * - conflict: the nodes' files disagree; both values are shown and the first is taken;
 * - assumed: not in any file read, so a default or a guess was used;
 * - hint: taken from a rendered tree's model (manifest.json, model.json, cluster.json), not from a config file;
 * - secret: a key or password moved out of the stack into a reference.
 */
export type ImportItemKind = 'imported' | 'changed' | 'passthrough' | 'skipped' | 'conflict' | 'assumed' | 'hint' | 'secret';

export interface ImportItem {
  kind: ImportItemKind;
  /** a stable name of the rule that made the item: tests and tools match on it, not on wording */
  rule: string;
  /** where in the source it comes from, when it comes from one place */
  where?: Where;
  /** the stack path it became, when it became one */
  path?: string;
  what: string;
  why?: string;
}

export const item = (kind: ImportItemKind, rule: string, what: string, extra: Partial<Pick<ImportItem, 'where' | 'path' | 'why'>> = {}): ImportItem => ({
  kind,
  rule,
  what,
  ...extra,
});

/** `passthrough sv1/etc/ha.d/ha.cf:12: compression bz2 → files[1] (the stack has no compression)`: one line per item. */
export function formatImportItem(i: ImportItem): string {
  const where = i.where ? `${i.where.file}${i.where.line > 0 ? `:${i.where.line}` : ''}: ` : '';
  const path = i.path ? ` → ${i.path}` : '';
  const why = i.why ? ` (${i.why})` : '';
  return `${i.kind} ${where}${i.what}${path}${why}`;
}
