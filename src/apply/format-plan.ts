import type { NodePlan, Plan, PlannedFile } from './plan.js';
import type { UserPlan } from './users.js';

const SIGN: Record<PlannedFile['action'], string> = { create: '+', update: '~', unchanged: '=', conflict: '!' };

const indent = (text: string, pad: string): string => text.replace(/\n$/, '').split('\n').map((l) => `${pad}${l}`).join('\n');

function formatFile(f: PlannedFile): string {
  if (f.conflict) return `  ${SIGN.conflict} ${f.path}  conflict: ${f.conflict.reason}`;
  const what = f.action === 'update' ? `update (${f.changes.join(', ')})` : f.action;
  const service = f.action !== 'unchanged' && f.service && f.service.action !== 'none' ? ` -> ${f.service.action} ${f.service.name}` : '';
  const head = `  ${SIGN[f.action]} ${f.path}  ${what}  ${f.mode} ${f.owner}${service}`;
  return f.diff ? `${head}\n${indent(f.diff, '      ')}` : head;
}

const USER_SIGN: Record<UserPlan['action'], string> = { create: '+', present: '=', clash: '!', unchecked: '?' };

function formatUser(u: UserPlan): string {
  const ids = [u.uid === undefined ? '' : `uid ${u.uid}`, u.gid === undefined ? '' : `gid ${u.gid}`].filter(Boolean).join(' ');
  const what = u.action === 'clash' ? `clash: ${u.reason}` : u.action === 'unchecked' ? `not checked: ${u.reason}` : u.action;
  return `  ${USER_SIGN[u.action]} user ${u.name}${ids ? ` (${ids})` : ''}  ${what}`;
}

function formatNode(n: NodePlan, showUnchanged: boolean): string {
  const title = n.scope === 'cluster' ? `cluster-wide files, via ${n.via} (${n.target})` : `${n.node} (${n.target})`;
  const files = n.files.filter((f) => showUnchanged || f.action !== 'unchanged');
  const unchanged = n.files.length - files.length;
  const users = n.users.filter((u) => showUnchanged || u.action !== 'present');
  const lines = [title, ...users.map(formatUser), ...files.map(formatFile)];
  if (!showUnchanged && unchanged) lines.push(`  ${unchanged} file${unchanged === 1 ? '' : 's'} unchanged`);
  for (const s of n.services) lines.push(`  service: ${s.action} ${s.service} (${s.because.join(', ')})`);
  return lines.join('\n');
}

function formatConfiguration(plan: Plan): string[] {
  const c = plan.configuration;
  if (!c) return [];
  if (c.skipped) return [`cluster configuration: not compared: ${c.skipped}`];
  if (c.changes.length === 0) return [`cluster configuration, via ${c.node}: unchanged`];
  return [`cluster configuration, via ${c.node}: ~ load (${c.changes.length} change${c.changes.length === 1 ? '' : 's'})\n${indent(c.changes.join('\n'), '      ')}`];
}

/** The plan as text (no colours; the CLI adds them). Secret files show only their size: see fileDiff. */
export function formatPlan(plan: Plan, opts: { showUnchanged?: boolean } = {}): string {
  const { create, update, unchanged, conflict, users } = plan.summary;
  const services = plan.nodes.flatMap((n) => n.services.map((s) => `${s.action} ${s.service} on ${n.via}`));
  const newUsers = plan.nodes.flatMap((n) => n.users.filter((u) => u.action === 'create').map((u) => `${u.name} on ${n.node}`));
  const clashes = plan.nodes.flatMap((n) => n.users).filter((u) => u.action === 'clash').length;
  const cib = plan.configuration?.changes.length ? ['load the cluster configuration'] : [];
  const summary = create + update + conflict + users + clashes + cib.length === 0
    ? `No changes: ${unchanged} files match on ${plan.nodes.length} targets.`
    : `Plan: ${newUsers.length ? `users to create: ${newUsers.join(', ')}; ` : ''}${create} to create, ${update} to update, ${unchanged} unchanged; services: ${services.join(', ') || 'none'}${cib.length ? `; ${cib[0]}` : ''}.`;
  const refused = conflict + clashes ? [`${conflict + clashes} conflict${conflict + clashes === 1 ? '' : 's'} (marked !): apply refuses their nodes until they are fixed.`] : [];
  return [...plan.nodes.map((n) => formatNode(n, opts.showUnchanged ?? false)), ...formatConfiguration(plan), summary, ...refused].join('\n\n');
}

export const formatPlanJson = (plan: Plan): string => JSON.stringify(plan, null, 2);
