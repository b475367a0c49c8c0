import type { ClusterModel } from '../model/model.js';
import { limiter } from '../transport/limit.js';
import { quote } from '../transport/shell.js';
import type { Transport } from '../transport/transport.js';
import { ApplyError } from './errors.js';

export type StackUser = ClusterModel['users'][number];

/**
 * One declared user on one node. 'clash': the name has another uid (or primary gid) there, or the pinned uid or
 * gid belongs to another name; apply refuses the node rather than change an account. 'unchecked': the transport
 * is not the node (a `--local` directory), whose accounts are this machine's.
 */
export interface UserPlan {
  name: string;
  uid?: number;
  gid?: number;
  action: 'create' | 'present' | 'clash' | 'unchecked';
  reason?: string;
  /** what creates it, for action 'create' */
  command?: string;
}

/** What `getent` says on the node, one entry line or undefined each. */
export interface UserFacts {
  byName?: string;
  byUid?: string;
  group?: string;
  byGid?: string;
}

const SBIN = 'PATH="$PATH:/usr/sbin:/sbin"';

// Four lines per user, always (an empty line when getent finds nothing or there is nothing pinned to look up).
export function usersQuery(users: readonly StackUser[]): string {
  const lookup = (db: 'passwd' | 'group', key: string | number | undefined): string =>
    key === undefined ? '""' : `"$(getent ${db} ${quote(String(key))} | head -n 1)"`;
  const lines = users.map((u) => `printf '%s\\n' ${lookup('passwd', u.name)} ${lookup('passwd', u.uid)} ${lookup('group', u.name)} ${lookup('group', u.gid)}`);
  return [SBIN, ...lines].join('\n');
}

export function parseUsersQuery(stdout: string, count: number): UserFacts[] {
  const lines = stdout.split('\n');
  const entry = (i: number): string | undefined => lines[i]?.trim() || undefined;
  return Array.from({ length: count }, (_, i) => ({ byName: entry(4 * i), byUid: entry(4 * i + 1), group: entry(4 * i + 2), byGid: entry(4 * i + 3) }));
}

/** `groupadd` when a pinned gid needs its group, then `useradd` without a home directory (a service account). */
export function createCommand(user: StackUser, facts: UserFacts): string {
  const steps: string[] = [];
  let group: string[];
  if (user.gid !== undefined) {
    if (!facts.group) steps.push(`groupadd -g ${quote(String(user.gid))} ${quote(user.name)}`);
    group = ['-g', quote(String(user.gid))];
  } else group = facts.group ? ['-g', quote(user.name)] : ['-U'];
  const add = ['useradd', '-M', ...(user.uid === undefined ? [] : ['-u', quote(String(user.uid))]), ...group];
  if (user.shell) add.push('-s', quote(user.shell));
  if (user.home) add.push('-d', quote(user.home));
  steps.push([...add, quote(user.name)].join(' '));
  return steps.join(' && ');
}

const field = (entry: string, i: number): string | undefined => entry.split(':')[i];

const identity = (u: StackUser): Pick<UserPlan, 'name' | 'uid' | 'gid'> =>
  ({ name: u.name, ...(u.uid === undefined ? {} : { uid: u.uid }), ...(u.gid === undefined ? {} : { gid: u.gid }) });

/** Decides from the node's accounts; never changes an existing one. */
export function planUser(user: StackUser, node: string, facts: UserFacts): UserPlan {
  const base = identity(user);
  const clash = (reason: string): UserPlan => ({ ...base, action: 'clash', reason: `${reason} on ${node}; the stack pins it at ${user.path}` });
  if (facts.byName) {
    const uid = Number(field(facts.byName, 2));
    const gid = Number(field(facts.byName, 3));
    if (user.uid !== undefined && uid !== user.uid) return clash(`user ${user.name} has uid ${uid}, not ${user.uid},`);
    if (user.gid !== undefined && gid !== user.gid) return clash(`user ${user.name} has primary gid ${gid}, not ${user.gid},`);
    return { ...base, action: 'present' };
  }
  if (facts.byUid) return clash(`uid ${user.uid} belongs to ${field(facts.byUid, 0)}`);
  if (user.gid !== undefined) {
    if (facts.group && Number(field(facts.group, 2)) !== user.gid) return clash(`group ${user.name} has gid ${field(facts.group, 2)}, not ${user.gid},`);
    if (facts.byGid && field(facts.byGid, 0) !== user.name) return clash(`gid ${user.gid} belongs to group ${field(facts.byGid, 0)}`);
  }
  return { ...base, action: 'create', command: createCommand(user, facts) };
}

/** The declared users as they stand on one node: one round trip, nothing changed. */
export async function planUsers(users: readonly StackUser[], transport: Transport): Promise<UserPlan[]> {
  if (users.length === 0) return [];
  if (!transport.nodeTools) return users.map((u) => ({ ...identity(u), action: 'unchecked', reason: `${transport.target} is not the node` }));
  const r = await transport.exec(usersQuery(users));
  if (r.code !== 0) throw new ApplyError('apply-user-failed', transport.node, `${transport.node}: looking up users failed: ${r.stderr.trim() || `exit ${r.code}`}`);
  const facts = parseUsersQuery(r.stdout, users.length);
  return users.map((u, i) => planUser(u, transport.node, facts[i]!));
}

/** Refuses the node on any clash, before anything is created or written there. */
export function refuseUserClashes(node: string, users: readonly UserPlan[]): void {
  const clashes = users.filter((u) => u.action === 'clash');
  if (clashes.length) throw new ApplyError('apply-user-clash', node, `${node}: nothing changed: ${clashes.map((u) => u.reason).join('; ')}`);
}

/** Creates the users planned as 'create'; returns their names. */
export async function createUsers(node: string, users: readonly UserPlan[], transport: Transport, onCreated: (user: UserPlan) => void = () => undefined): Promise<string[]> {
  const created: string[] = [];
  for (const user of users) {
    if (user.action !== 'create' || !user.command) continue;
    const r = await transport.exec(`${SBIN}\n${user.command}`);
    if (r.code !== 0) throw new ApplyError('apply-user-failed', node, `${node}: creating user ${user.name} failed: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(-3).join(' / ') || `exit ${r.code}`}`);
    created.push(user.name);
    onCreated(user);
  }
  return created;
}

export interface EnsureUsersOptions {
  model: ClusterModel;
  transports: ReadonlyMap<string, Transport>;
  concurrency?: number;
}

/**
 * The declared users on every node, created where missing, before packages are installed: a package that adds
 * its own account (Debian's tomcat10 adds tomcat) then finds the pinned one instead of picking its own uid.
 */
export async function ensureUsers(opts: EnsureUsersOptions): Promise<{ node: string; created: string[] }[]> {
  const limit = limiter(opts.concurrency ?? 10);
  return Promise.all(opts.model.nodes.map((n) => limit(async () => {
    const transport = opts.transports.get(n.name);
    if (!transport) throw new ApplyError('apply-no-transport', n.name, `${n.name}: no connection for creating users`);
    const users = await planUsers(opts.model.users, transport);
    refuseUserClashes(n.name, users);
    return { node: n.name, created: await createUsers(n.name, users, transport) };
  })));
}
