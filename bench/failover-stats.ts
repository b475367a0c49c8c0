export interface Summary {
  n: number;
  failed: number;
  median: number;
  min: number;
  max: number;
}

export function summarize(samples: Array<number | undefined>): Summary {
  const ok = samples.filter((s): s is number => s !== undefined).sort((a, b) => a - b);
  const mid = ok.length === 0 ? Number.NaN : ok.length % 2 ? ok[(ok.length - 1) / 2]! : (ok[ok.length / 2 - 1]! + ok[ok.length / 2]!) / 2;
  return { n: ok.length, failed: samples.length - ok.length, median: mid, min: ok[0] ?? Number.NaN, max: ok[ok.length - 1] ?? Number.NaN };
}

export function fmt(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
