import { appendFile, mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ClusterModel, RuntimeName } from '../../model/model.js';

/** One `hactl test failover` measurement, as the history keeps it. */
export interface FailoverRecord {
  kind: 'test-failover';
  date: string;
  stack: string;
  cluster: string;
  runtime: RuntimeName;
  /** the timings that decide how fast a failover can be (heartbeat deadtime, VRRP advert interval, corosync token) */
  tuning: Record<string, number>;
  fault: string;
  service: string;
  vip: string;
  from: string;
  to: string;
  ms: number;
}

/** An operator action taken from the web view, whether the runtime did it or refused. */
export interface ActionRecord {
  kind: 'action';
  date: string;
  stack: string;
  cluster: string;
  op: string;
  args: Record<string, string>;
  ok: boolean;
  /** the runtime's own command and the node it ran on, or why it failed */
  detail: string;
}

/**
 * A fault `hactl test failover` injected, written the moment it is injected: a watcher that reads the cluster every
 * second may see the group on another node before it ever sees the node down, and this names the cause anyway.
 */
export interface FaultRecord {
  kind: 'fault';
  date: string;
  stack: string;
  cluster: string;
  fault: string;
  node: string;
  /** what was done, e.g. "SIGKILL of hactl-agent on qs1" */
  detail: string;
}

export type HistoryRecord = FailoverRecord | ActionRecord | FaultRecord;

/** `.hactl/history.jsonl` under the directory hactl runs in, beside its other state (`.hactl/vagrant`, keys). */
export function defaultHistoryFile(cwd = process.cwd()): string {
  return join(cwd, '.hactl', 'history.jsonl');
}

/** One JSON line per record, appended in one write so concurrent writers (a test, the web view) never interleave. */
export async function appendHistory(file: string, record: HistoryRecord): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(record)}\n`, { mode: 0o644 });
}

function parseLines(text: string): HistoryRecord[] {
  return text.split('\n').flatMap((line) => {
    if (!line.trim()) return [];
    try {
      const r = JSON.parse(line) as HistoryRecord;
      return (r.kind === 'test-failover' || r.kind === 'action' || r.kind === 'fault') && typeof r.date === 'string' ? [r] : [];
    } catch {
      return []; // a line cut by a crash (or written by hand) is skipped, not fatal: the others still count
    }
  });
}

/** Reads the records appended since the last call (the web view follows the file while tests run elsewhere). */
export class HistoryTail {
  private offset = 0;
  private partial = '';

  constructor(readonly file: string) {}

  async next(): Promise<HistoryRecord[]> {
    let handle;
    try {
      handle = await open(this.file, 'r');
    } catch {
      return [];
    }
    try {
      const { size } = await handle.stat();
      if (size < this.offset) this.offset = 0; // replaced or truncated: read it again from the start
      if (size === this.offset) return [];
      const buf = Buffer.alloc(size - this.offset);
      await handle.read(buf, 0, buf.length, this.offset);
      this.offset = size;
      const text = this.partial + buf.toString('utf8');
      const cut = text.lastIndexOf('\n');
      this.partial = text.slice(cut + 1);
      return parseLines(text.slice(0, cut + 1));
    } finally {
      await handle.close();
    }
  }
}

/** The timings a failover's duration follows from, for the runtime at hand. */
export function tuningOf(model: ClusterModel): Record<string, number> {
  const hb = model.heartbeat;
  if (model.runtime === 'keepalived') return Object.fromEntries(model.vrrp.map((v) => [`${v.name}.advertIntMs`, v.advertIntMs]));
  if (model.runtime === 'pacemaker' && model.corosync) return model.corosync.tokenMs !== undefined ? { tokenMs: model.corosync.tokenMs } : {};
  return hb ? { keepaliveMs: hb.keepaliveMs, warntimeMs: hb.warntimeMs, deadtimeMs: hb.deadtimeMs } : {};
}
