import { xmlEscape } from '../../render/escape/xml.js';

export interface PlotRun {
  ms: number;
  /** e.g. "kill qs1 → qs2" */
  label: string;
}

const W = 720;
const H = 360;
const PAD = { left: 64, right: 20, top: 48, bottom: 56 };

/** "1 run", "3 runs": the chart's subtitle and the CLI's note count the same way. */
export const runCount = (n: number): string => `${n} run${n === 1 ? '' : 's'}`;

/** A round step for the time axis, so ticks read 0, 200, 400 ms rather than 0, 187, 374. */
function tickStep(max: number): number {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
}

/** `hactl test failover --repeat N --plot FILE.svg`: one bar per run, the median as a dashed line. */
export function failoverPlot(series: { runs: readonly PlotRun[]; medianMs: number; minMs: number; maxMs: number }, title: string): string {
  const { runs, medianMs: median } = series;
  const step = tickStep(Math.max(series.maxMs, 1));
  const top = Math.ceil(Math.max(series.maxMs, 1) / step) * step;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (ms: number) => PAD.top + plotH - (ms / top) * plotH;
  const slot = plotW / runs.length;
  const bar = Math.min(48, slot * 0.7);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<title>${xmlEscape(title)}</title>`, `<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${PAD.left}" y="24" font-size="15" font-weight="600">${xmlEscape(title)}</text>`);
  out.push(`<text x="${PAD.left}" y="40" fill="#555">${runCount(runs.length)}: median ${median.toFixed(0)} ms, min ${series.minMs.toFixed(0)} ms, max ${series.maxMs.toFixed(0)} ms</text>`);
  for (let t = 0; t <= top; t += step) {
    out.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${PAD.left - 8}" y="${y(t) + 4}" text-anchor="end" fill="#555">${t}</text>`);
  }
  out.push(`<text transform="translate(16 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#555">ms until the VIP answered again</text>`);
  runs.forEach((r, i) => {
    const cx = PAD.left + slot * i + slot / 2;
    out.push(`<rect class="run" x="${cx - bar / 2}" y="${y(r.ms)}" width="${bar}" height="${PAD.top + plotH - y(r.ms)}" fill="#2e86c1"><title>${xmlEscape(`run ${i + 1}: ${r.label}, ${r.ms.toFixed(0)} ms`)}</title></rect>`);
    out.push(`<text x="${cx}" y="${y(r.ms) - 4}" text-anchor="middle" font-size="10">${r.ms.toFixed(0)}</text>`);
    out.push(`<text x="${cx}" y="${H - PAD.bottom + 16}" text-anchor="middle" fill="#555">${i + 1}</text>`);
  });
  out.push(`<line class="median" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(median)}" y2="${y(median)}" stroke="#c0392b" stroke-dasharray="6 4"/>`);
  out.push(`<text x="${W - PAD.right}" y="${y(median) - 6}" text-anchor="end" fill="#c0392b">median ${median.toFixed(0)} ms</text>`);
  out.push(`<text x="${PAD.left + plotW / 2}" y="${H - 16}" text-anchor="middle" fill="#555">run</text>`, '</svg>');
  return `${out.join('\n')}\n`;
}
