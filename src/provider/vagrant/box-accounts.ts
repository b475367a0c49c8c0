import { parseUsersQuery, usersQuery, type StackUser, type UserFacts } from '../../apply/users.js';
import type { ClusterModel } from '../../model/model.js';
import { quote } from '../../transport/shell.js';
import type { Transport } from '../../transport/transport.js';
import { VagrantError } from './errors.js';

/** One account of the box renumbered to the id the stack pins. */
export interface Renumbered {
  node: string;
  name: string;
  what: 'uid' | 'gid';
  from: number;
  to: number;
}

const idOf = (entry: string | undefined, i: number): number | undefined => (entry ? Number(entry.split(':')[i]) : undefined);

/**
 * How to give an account the box's packages made (Debian's tomcat10 adds tomcat with a uid of its own) the ids the
 * stack pins, and the files it owns with them; nothing when the ids already match, when the account is not there
 * (apply creates it) or when the pinned id belongs to another name (apply then refuses the node, saying why).
 */
export function renumberPlan(user: StackUser, facts: UserFacts): { steps: Omit<Renumbered, 'node' | 'name'>[]; command: string } | undefined {
  const steps: Omit<Renumbered, 'node' | 'name'>[] = [];
  const commands: string[] = [];
  const name = quote(user.name);
  const uid = idOf(facts.byName, 2);
  if (user.uid !== undefined && uid !== undefined && uid !== user.uid && !facts.byUid) {
    steps.push({ what: 'uid', from: uid, to: user.uid });
    commands.push(`usermod -u ${user.uid} ${name}`, `find / -xdev -uid ${uid} -exec chown -h ${user.uid} {} +`);
  }
  const gid = idOf(facts.group, 2);
  if (user.gid !== undefined && gid !== undefined && gid !== user.gid && !facts.byGid) {
    steps.push({ what: 'gid', from: gid, to: user.gid });
    commands.push(`groupmod -g ${user.gid} ${name}`, `find / -xdev -gid ${gid} -exec chgrp -h ${user.gid} {} +`);
  }
  return steps.length ? { steps, command: ['PATH="$PATH:/usr/sbin:/sbin"', ...commands].join(' && ') } : undefined;
}

/**
 * The guide pins accounts before it installs the package that would pick its own ids (seed 001: tomcat at uid 700,
 * the same on both nodes). hactl's box has every package baked in, so the package's account is already there with
 * another id. On these machines, which hactl made from its own box for this stack, the account is renumbered instead;
 * apply never changes an existing account on servers (it refuses with apply-user-clash).
 */
export async function renumberBoxAccounts(model: ClusterModel, transports: ReadonlyMap<string, Transport>): Promise<Renumbered[]> {
  const pinned = model.users.filter((u) => u.uid !== undefined || u.gid !== undefined);
  if (pinned.length === 0) return [];
  const done = await Promise.all([...transports].map(async ([node, t]) => {
    const r = await t.exec(usersQuery(pinned));
    if (r.code !== 0) throw new VagrantError('vagrant-provision-failed', `${node}: looking up users failed: ${r.stderr.trim() || `exit ${r.code}`}`);
    const facts = parseUsersQuery(r.stdout, pinned.length);
    const renumbered: Renumbered[] = [];
    for (const [i, user] of pinned.entries()) {
      const plan = renumberPlan(user, facts[i]!);
      if (!plan) continue;
      // the whole root filesystem is walked: minutes on an emulated guest are possible
      const run = await t.exec(plan.command, { timeoutMs: 15 * 60_000 });
      if (run.code !== 0) throw new VagrantError('vagrant-provision-failed', `${node}: renumbering ${user.name} failed: ${(run.stderr.trim() || `exit ${run.code}`).split('\n').slice(-3).join(' / ')}`);
      renumbered.push(...plan.steps.map((s) => ({ node, name: user.name, ...s })));
    }
    return renumbered;
  }));
  return done.flat();
}
