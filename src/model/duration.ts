const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;

export function isDuration(text: string): boolean {
  return DURATION.test(text);
}

/** Milliseconds of a stack duration; a bare number means seconds, as in ha.cf. */
export function toMs(value: string | number): number {
  if (typeof value === 'number') return Math.round(value * 1000);
  const match = DURATION.exec(value);
  if (!match) throw new Error(`not a duration: ${value}`);
  return Math.round(Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000));
}

/** ha.cf style: whole seconds as a bare number, anything finer with `ms`. */
export function formatHaDuration(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : `${ms}ms`;
}

/** crmsh/cib style: `10s`, `0s`, `500ms`. */
export function formatCrmDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
