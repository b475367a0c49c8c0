/** What every node tells the others in each heartbeat: the inputs of the shared placement function. */
export interface NodeReport {
  /** settling: still waiting for peers (initdead), decides nothing; leaving: shutting down, takes nothing. */
  phase: 'settling' | 'active' | 'leaving';
  /** Ping targets this node reaches. */
  pingReachable: number;
  groups: Record<string, GroupReport>;
  /**
   * group -> other nodes this node sees holding it. Lets a node that just rejoined learn of a holder it cannot
   * hear yet (partition heal), so it does not start the group on top of it.
   */
  holders?: Record<string, string[]>;
  failCounts: FailCountReport[];
  failedActions: FailedActionReport[];
  admin: AdminEntry[];
}

/**
 * stopped/starting/running/stopping as usual; failed: a stop failed, the group is unclean here and still counts as
 * active; blocked: on-fail=block froze it here, also still active.
 */
export type GroupRunState = 'stopped' | 'starting' | 'running' | 'stopping' | 'failed' | 'blocked';

export interface GroupReport {
  state: GroupRunState;
  /** Migration threshold reached on this node: the group may not run here. */
  banned: boolean;
}

export interface FailCountReport {
  resource: string;
  count: number;
  /** Wall-clock ms of the last failure. */
  lastAt: number;
}

export interface FailedActionReport {
  resource: string;
  op: 'start' | 'stop' | 'monitor';
  reason: string;
  at: number;
}

export type AdminValue = boolean | string | null | { node: string | null };

/** One last-writer-wins register of the replicated admin state; (version, origin) orders writes. */
export interface AdminEntry {
  key: string;
  version: number;
  origin: string;
  value: AdminValue;
}

export const GROUP_STATES: readonly GroupRunState[] = ['stopped', 'starting', 'running', 'stopping', 'failed', 'blocked'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ADMIN_KEY = /^(standby|move|disable|cleanup):([A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/;
const LIMIT = 1024;

export function encodeReport(r: NodeReport): Buffer {
  return Buffer.from(JSON.stringify(r), 'utf8');
}

/** Strict shape check of an authenticated payload; undefined on anything unexpected (never throws). */
export function decodeReport(payload: Buffer): NodeReport | undefined {
  let v: unknown;
  try {
    v = JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObj(v)) return undefined;
  const { phase, pingReachable, groups, holders, failCounts, failedActions, admin } = v;
  if (phase !== 'settling' && phase !== 'active' && phase !== 'leaving') return undefined;
  if (!isCount(pingReachable)) return undefined;
  if (!isObj(groups) || Object.keys(groups).length > LIMIT) return undefined;
  const outGroups: Record<string, GroupReport> = {};
  for (const [name, g] of Object.entries(groups)) {
    if (!NAME.test(name) || !isObj(g)) return undefined;
    if (!GROUP_STATES.includes(g.state as GroupRunState) || typeof g.banned !== 'boolean') return undefined;
    outGroups[name] = { state: g.state as GroupRunState, banned: g.banned };
  }
  const outHolders: Record<string, string[]> = {};
  if (holders !== undefined) {
    if (!isObj(holders) || Object.keys(holders).length > LIMIT) return undefined;
    for (const [name, nodes] of Object.entries(holders)) {
      const l = list(nodes, (x) => (isName(x) ? x : undefined));
      if (!NAME.test(name) || !l) return undefined;
      outHolders[name] = l;
    }
  }
  const fc = list(failCounts, (x): FailCountReport | undefined =>
    isObj(x) && isName(x.resource) && isCount(x.count) && isCount(x.lastAt)
      ? { resource: x.resource, count: x.count, lastAt: x.lastAt }
      : undefined,
  );
  const fa = list(failedActions, (x): FailedActionReport | undefined =>
    isObj(x) && isName(x.resource) && (x.op === 'start' || x.op === 'stop' || x.op === 'monitor') &&
    typeof x.reason === 'string' && x.reason.length <= 512 && isCount(x.at)
      ? { resource: x.resource, op: x.op, reason: x.reason, at: x.at }
      : undefined,
  );
  const ad = list(admin, decodeAdminEntry);
  if (!fc || !fa || !ad) return undefined;
  return { phase, pingReachable, groups: outGroups, holders: outHolders, failCounts: fc, failedActions: fa, admin: ad };
}

export function decodeAdminEntry(x: unknown): AdminEntry | undefined {
  if (!isObj(x) || typeof x.key !== 'string' || !isCount(x.version) || !isName(x.origin)) return undefined;
  const m = ADMIN_KEY.exec(x.key);
  if (!m) return undefined;
  const kind = m[1];
  const value = x.value;
  const ok =
    kind === 'standby' || kind === 'disable'
      ? typeof value === 'boolean'
      : kind === 'move'
        ? value === null || isName(value)
        : isObj(value) && (value.node === null || isName(value.node)) && Object.keys(value).length === 1;
  if (!ok) return undefined;
  return { key: x.key, version: x.version, origin: x.origin, value: value as AdminValue };
}

function list<T>(v: unknown, each: (x: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(v) || v.length > LIMIT) return undefined;
  const out: T[] = [];
  for (const x of v) {
    const item = each(x);
    if (item === undefined) return undefined;
    out.push(item);
  }
  return out;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isName(v: unknown): v is string {
  return typeof v === 'string' && NAME.test(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
