import { execFileSync } from 'node:child_process';
import { Registry } from 'prom-client';
import { ClusterMetrics } from '../../../src/observe/metrics/cluster-metrics.js';
import { StatusTracker } from '../../../src/observe/timeline/track.js';
import type { ClusterStatus } from '../../../src/runtime/status.js';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Reads the Prometheus text format strictly enough for tests: every sample line must parse. */
export function samples(text: string): Sample[] {
  return text.split('\n').filter((l) => l && !l.startsWith('#')).map((line) => {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]));
    return { name: m[1]!, labels, value: m[3] === '+Inf' ? Infinity : Number(m[3]) };
  });
}

/** The value of one series, or undefined when it is not in the output. */
export function value(all: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return all.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

/** `promtool check metrics`: Prometheus' own linter for names, units, HELP/TYPE; returns its complaints. */
export function promtoolProblems(text: string): string {
  try {
    return execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || String(err);
  }
}

/**
 * What every exporter serves for one status read (the first an observer sees): the shared metrics fed in-process,
 * the reference an exporter reached another way (over SSH, from the agent) must equal.
 */
export async function expositionOf(status: ClusterStatus): Promise<string> {
  const tracker = new StatusTracker();
  tracker.observe(status, Date.now());
  const metrics = new ClusterMetrics(new Registry());
  metrics.update(status, tracker.counters());
  return metrics.registry.metrics();
}

/** Every series as `name{label="value",...}`, sorted: two expositions of the same facts give the same list. */
export const seriesOf = (text: string): string[] =>
  samples(text).map((s) => `${s.name}{${Object.entries(s.labels).sort().map(([k, v]) => `${k}="${v}"`).join(',')}} ${s.value}`).sort();

/** The metric families an exposition declares (its `# HELP` and `# TYPE` lines), in order. */
export const familiesOf = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('# '));
