import type { ClusterStatus, NodeCondition } from '../../runtime/status.js';
import type { TimelineEvent } from './events.js';

/** What the metrics count per group, from the moment the observer started watching. */
export interface GroupCounters {
  /** changes of the set of nodes the group runs on */
  transitions: number;
  /** the group started on a node other than the one(s) it last ran on */
  failovers: number;
  lastTransitionAt?: number;
  lastFailoverAt?: number;
  /** how long the group ran nowhere before its last failover, as this observer saw it; absent when the observer saw
   *  it in one step (on the old node at one read, on the new one at the next): the gap was shorter than a read */
  lastFailoverMs?: number;
}

interface GroupTrack extends GroupCounters {
  running: string[];
  /** the last non-empty set of nodes it ran on */
  lastHolders: string[];
  /** when it stopped running on every node of lastHolders */
  leftAt?: number;
}

const DOWN: ReadonlySet<NodeCondition> = new Set(['offline', 'standby', 'unclean']);
/** a node change or an operator action this recent may be why a group moved */
const CAUSE_WINDOW_MS = 60_000;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const where = (nodes: readonly string[]) => (nodes.length ? nodes.join(', ') : 'nowhere');

/**
 * Turns successive snapshots of the one status model into a timeline and the counters behind the transition and
 * failover metrics. The same code watches every runtime (the exporter and the web view poll the runtime layer) and
 * the agent (fed its own view on every change), so counts mean the same wherever they come from. Time is passed in.
 */
export class StatusTracker {
  private prev?: ClusterStatus;
  private readonly groups = new Map<string, GroupTrack>();
  /** the last time each node went down (offline, standby, unclean), and how */
  private readonly nodeDowns = new Map<string, { state: NodeCondition; at: number }>();
  /** operator actions and injected faults, newest last: what may explain the next moves */
  private readonly causes: { text: string; at: number; node?: string }[] = [];
  private prevAt?: number;

  /** An operator action (from the web view or the CLI) that may explain what happens next. */
  noteAction(text: string, at: number): void {
    this.noteCause(`operator: ${text}`, at);
  }

  /** A fault injected on a node (hactl test failover): the cause of a move away from that node. */
  noteFault(text: string, node: string, at: number): void {
    this.noteCause(`test failover: ${text}`, at, node);
  }

  private noteCause(text: string, at: number, node?: string): void {
    this.causes.push({ text, at, ...(node ? { node } : {}) });
    while (this.causes.length > 20) this.causes.shift();
  }

  counters(): ReadonlyMap<string, GroupCounters> {
    return new Map([...this.groups].map(([name, { running: _r, lastHolders: _h, leftAt: _l, ...counters }]) => [name, counters]));
  }

  observe(status: ClusterStatus, at: number): TimelineEvent[] {
    const prev = this.prev;
    const prevAt = this.prevAt;
    this.prev = status;
    this.prevAt = at;
    if (!prev) {
      for (const g of status.groups) this.groups.set(g.name, { running: g.runningOn, lastHolders: g.runningOn, transitions: 0, failovers: 0 });
      const placed = status.groups.map((g) => `${g.name} on ${where(g.runningOn)}`).join('; ');
      return [{ at, kind: 'observing', subject: status.cluster, text: `watching ${status.cluster} (${status.runtime}): ${placed || 'no groups'}` }];
    }
    return [...this.nodeEvents(prev, status, at), ...this.linkEvents(prev, status, at), ...this.quorumEvents(prev, status, at),
      ...this.resourceEvents(prev, status, at), ...this.groupEvents(status, at, prevAt ?? at), ...this.warningEvents(prev, status, at)];
  }

  private nodeEvents(prev: ClusterStatus, now: ClusterStatus, at: number): TimelineEvent[] {
    return now.nodes.flatMap((n) => {
      const before = prev.nodes.find((p) => p.name === n.name)?.state ?? 'unknown';
      if (before === n.state) return [];
      if (DOWN.has(n.state)) this.nodeDowns.set(n.name, { state: n.state, at });
      return [{ at, kind: 'node' as const, subject: n.name, text: `${n.name}: ${before} → ${n.state}${n.detail ? ` (${n.detail})` : ''}` }];
    });
  }

  private linkEvents(prev: ClusterStatus, now: ClusterStatus, at: number): TimelineEvent[] {
    return now.links.flatMap((l) => {
      const before = prev.links.find((p) => p.node === l.node && p.peer === l.peer && p.link === l.link)?.status;
      if (before === undefined || before === l.status) return [];
      return [{ at, kind: 'link' as const, subject: `${l.node}-${l.peer}/${l.link}`, text: `link ${l.link} ${l.node} → ${l.peer}: ${before} → ${l.status}` }];
    });
  }

  private quorumEvents(prev: ClusterStatus, now: ClusterStatus, at: number): TimelineEvent[] {
    if (!now.quorum || prev.quorum?.quorate === now.quorum.quorate) return [];
    return [{ at, kind: 'quorum', subject: now.cluster, text: `quorum ${now.quorum.quorate ? 'regained' : 'lost'}${now.quorum.detail ? ` (${now.quorum.detail})` : ''}` }];
  }

  private resourceEvents(prev: ClusterStatus, now: ClusterStatus, at: number): TimelineEvent[] {
    const failedBefore = new Set(prev.groups.flatMap((g) => g.resources.filter((r) => r.failed).map((r) => `${r.name}@${r.node ?? ''}`)));
    return now.groups.flatMap((g) => g.resources.filter((r) => r.failed && !failedBefore.has(`${r.name}@${r.node ?? ''}`)).map((r) => ({
      at, kind: 'resource' as const, subject: r.name, text: `${r.name} (${g.name}) failed${r.node ? ` on ${r.node}` : ''}`,
    })));
  }

  private warningEvents(prev: ClusterStatus, now: ClusterStatus, at: number): TimelineEvent[] {
    return now.warnings.filter((w) => !prev.warnings.includes(w)).map((w) => ({ at, kind: 'warning' as const, subject: now.cluster, text: w }));
  }

  private groupEvents(now: ClusterStatus, at: number, prevAt: number): TimelineEvent[] {
    const out: TimelineEvent[] = [];
    for (const g of now.groups) {
      const t = this.groups.get(g.name) ?? { running: [], lastHolders: [], transitions: 0, failovers: 0 };
      this.groups.set(g.name, t);
      if (sameSet(t.running, g.runningOn)) continue;
      const cause = this.causeFor(now, t.lastHolders, at);
      t.transitions++;
      t.lastTransitionAt = at;
      out.push({ at, kind: 'group', subject: g.name, text: `${g.name}: ${where(t.running)} → ${where(g.runningOn)}`, ...(cause ? { cause } : {}) });
      if (t.leftAt === undefined && !t.lastHolders.some((n) => g.runningOn.includes(n))) t.leftAt = at;
      const arrived = g.runningOn.filter((n) => !t.lastHolders.includes(n));
      if (arrived.length && t.lastHolders.length) {
        t.failovers++;
        t.lastFailoverAt = at;
        if (t.leftAt !== undefined && t.leftAt < at) {
          t.lastFailoverMs = at - t.leftAt;
          out.push({
            at, kind: 'failover', subject: g.name, ms: t.lastFailoverMs, ...(cause ? { cause } : {}),
            text: `${g.name} failed over ${where(t.lastHolders)} → ${where(arrived)}, running nowhere for about ${t.lastFailoverMs} ms as seen here`,
          });
        } else {
          delete t.lastFailoverMs;
          out.push({
            at, kind: 'failover', subject: g.name, ...(cause ? { cause } : {}),
            text: `${g.name} failed over ${where(t.lastHolders)} → ${where(arrived)} between two reads ${at - prevAt} ms apart`,
          });
        }
      }
      t.running = g.runningOn;
      if (g.runningOn.length) {
        t.lastHolders = g.runningOn;
        delete t.leftAt;
      }
    }
    return out;
  }

  /** A fault injected on a former holder, that holder going down, a member failing there, or an operator action shortly before. */
  private causeFor(now: ClusterStatus, holders: readonly string[], at: number): string | undefined {
    const recent = [...this.causes].reverse().filter((c) => at - c.at <= CAUSE_WINDOW_MS && c.at <= at);
    const fault = recent.find((c) => c.node !== undefined && holders.includes(c.node));
    if (fault) return fault.text;
    for (const node of holders) {
      const down = this.nodeDowns.get(node);
      if (down && at - down.at <= CAUSE_WINDOW_MS) return `${node} ${down.state}`;
    }
    const failed = now.groups.flatMap((g) => g.resources).find((r) => r.failed && r.node !== undefined && holders.includes(r.node));
    if (failed) return `${failed.name} failed on ${failed.node}`;
    return recent.find((c) => c.node === undefined)?.text;
  }
}
