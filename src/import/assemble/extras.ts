import type { ClusterInput } from '../../model/cluster.js';
import { at } from '../located.js';
import { decodeText } from '../parse/text.js';
import { item } from '../report.js';
import { findFile } from '../source/classify.js';
import type { SourceFile } from '../source/types.js';
import type { Assembly } from './context.js';
import { compact, type Draft, type PrimitiveInput } from './draft.js';
import { normalize } from '../../model/normalize.js';
import { impliedSections } from '../../render/iptables/implied.js';

type Firewall = NonNullable<ClusterInput['firewall']>;
type Rule = NonNullable<Firewall['rules']>[number];
type FileInput = NonNullable<ClusterInput['files']>[number];

const IMPLIED_TITLES = new Set(['heartbeat interconnect', 'corosync totem', 'DRBD replication', 'VRRP adverts', 'cluster services', 'SSH']);

/** `-A INPUT [-s SRC] -p P [-m P --dport N] [-m comment --comment C] -j ACTION` as firewall.rules writes it. */
function ruleOf(text: string): Rule | undefined {
  const m = /^-A (INPUT|OUTPUT|FORWARD)(?: -s (\S+))? -p (tcp|udp|icmp|vrrp)(?: -m (?:tcp|udp) --dport (\d+))?(?: -m comment --comment ("(?:[^"\\]|\\.)*"|\S+))? -j (ACCEPT|DROP|REJECT)$/.exec(text);
  if (!m) return undefined;
  const comment = m[5]?.startsWith('"') ? (JSON.parse(m[5]) as string) : m[5];
  return compact({ chain: m[1] === 'INPUT' ? undefined : (m[1] as Rule['chain']), proto: m[3] as Rule['proto'], dport: m[4] ? Number(m[4]) : undefined, source: m[2], action: m[6] === 'ACCEPT' ? undefined : (m[6] as Rule['action']), comment });
}

/** A rules file hactl rendered reads back as firewall settings; a hand-written one is kept whole as a file. */
function assembleFirewall(a: Assembly, draft: Draft): FileInput[] {
  const withRules = a.nodes.filter((n) => n.iptables);
  if (!withRules.length) {
    draft.firewall = { implied: false };
    a.items.push(item('assumed', 'no-iptables', 'no iptables rules file was read', { path: 'firewall.implied', why: 'the stack writes none either (firewall.implied: false); turn it on to have hactl write one' }));
    return [];
  }
  const f = withRules[0]!.iptables!.file;
  const text = f.bytes.toString('utf8');
  for (const n of withRules) a.consumed.add(n.iptables!.file);
  if (!/rendered by hactl/.test(text.split('\n')[0] ?? '')) {
    draft.firewall = { implied: false };
    a.items.push(item('passthrough', 'iptables-file', f.path, { where: at(f.origin, 1), path: 'files', why: 'a hand-written rules file is kept as it is (firewall.implied: false); hactl can write one from the stack instead' }));
    return withRules.map((n) => ({ path: n.iptables!.file.path, content: n.iptables!.file.bytes.toString('utf8'), mode: '0600', ...(withRules.length > 1 ? { nodes: [n.name] } : {}) }));
  }
  const titles = [...text.matchAll(/^# (.+)$/gm)].map((m) => m[1]!);
  const explicit = /^# firewall\.rules from the stack\n((?:-A .*\n)+)/m.exec(text)?.[1]?.trim().split('\n') ?? [];
  const rules: Rule[] = [];
  for (const r of explicit) {
    const rule = ruleOf(r);
    if (rule) rules.push(rule);
    else a.items.push(item('passthrough', 'iptables-rule', r, { where: at(f.origin, 0), why: 'not a rule firewall.rules can say' }));
  }
  const policy = /^:INPUT (\S+)/m.exec(text)?.[1];
  const defaultPolicy = policy === 'DROP' ? 'DROP' : titles.includes('everything else') ? undefined : 'ACCEPT';
  const implied = titles.some((t) => IMPLIED_TITLES.has(t));
  const fw: Firewall = compact({ implied: implied ? undefined : false, defaultPolicy, rules: rules.length ? rules : undefined });
  if (Object.keys(fw).length) draft.firewall = fw;
  if (implied) servicePorts(a, draft, withRules[0]!.name, text);
  return [];
}

/**
 * The service ports a rendered rules file opens that the resources do not imply (an exec resource's `ports:`, which
 * no other file says): given back to the one resource that can carry them, else reported.
 */
function servicePorts(a: Assembly, draft: Draft, node: string, text: string): void {
  const section = /^# cluster services\n((?:-A .*\n)+)/m.exec(text)?.[1] ?? '';
  const open = [...section.matchAll(/--dport (\d+)/g)].map((m) => Number(m[1]));
  let model;
  try {
    model = normalize(draft as ClusterInput);
  } catch {
    return;
  }
  const implied = impliedSections(model, node).find((s) => s.title === 'cluster services')?.rules.join('\n') ?? '';
  const extra = open.filter((port) => !new RegExp(`--dport ${port} `).test(implied));
  if (!extra.length) return;
  const all = (draft.resources ?? []).flatMap((r) => ('group' in r && typeof r.group === 'string' ? (r as { members: PrimitiveInput[] }).members : [r as PrimitiveInput]));
  const execs = all.filter((p) => 'exec' in p) as (PrimitiveInput & { exec: { ports?: number[] } })[];
  if (execs.length === 1) {
    execs[0]!.exec.ports = extra;
    a.items.push(item('imported', 'exec-ports', `ports ${extra.join(', ')} of the rules file`, { why: 'the ports the exec resource listens on' }));
  } else a.items.push(item('passthrough', 'iptables-ports', `ports ${extra.join(', ')} opened for cluster services`, { why: 'no one resource of the stack says them: add them to the resource that listens there (exec ports:) or to firewall.rules' }));
}

/** /etc/hosts: which address each node's name maps to, and the other lines as extra. */
function assembleHosts(a: Assembly, draft: Draft): void {
  const node = a.nodes.find((n) => n.hosts);
  if (!node) return;
  for (const n of a.nodes) if (n.hosts) a.consumed.add(n.hosts.file);
  const { entries } = node.hosts!.value;
  const names = new Set(a.nodes.map((n) => n.name));
  const ownEntries = entries.filter((e) => e.names.some((x) => names.has(x)));
  if (!ownEntries.length) {
    a.items.push(item('skipped', 'hosts-no-nodes', node.hosts!.file.origin, { why: 'it maps no node name: the stack leaves /etc/hosts alone' }));
    return;
  }
  const interconnect = new Set<string>();
  const hb = draft.heartbeat?.interconnect;
  for (const l of Array.isArray(hb) ? hb : hb ? [hb] : []) interconnect.add(l.nic);
  if (draft.corosync?.interconnect) interconnect.add(draft.corosync.interconnect);
  const networkOf = (ip: string) => {
    for (const n of Object.values(draft.nodes)) for (const [nic, v] of Object.entries(n.nics)) if ((typeof v === 'string' ? v : v.address).split('/')[0] === ip) return interconnect.has(nic) ? 'interconnect' : 'service';
    return undefined;
  };
  const network: 'service' | 'interconnect' | undefined = networkOf(ownEntries[0]!.ip);
  const extra = entries.filter((e) => !ownEntries.includes(e)).map((e) => ({ ip: e.ip, names: e.names }));
  draft.hosts = compact({ network: network === 'interconnect' ? network : undefined, extra: extra.length ? extra : undefined });
}

/** Files the configurations name (notify, track, respawned and init scripts), and every other file read, as files:. */
function assembleFiles(a: Assembly, extra: FileInput[]): FileInput[] {
  const files: FileInput[] = [...extra];
  const add = (path: string, perNode: { node: string; f: SourceFile }[], why: string) => {
    const texts = perNode.map(({ node, f }) => {
      const decoded = decodeText(f.bytes, f.origin);
      if (decoded.value === undefined) a.issues.push(...decoded.issues.map((i) => ({ ...i, severity: 'warning' as const })));
      return { node, f, text: decoded.value };
    });
    const usable = texts.filter((t) => t.text !== undefined);
    for (const t of texts) a.consumed.add(t.f);
    if (!usable.length) {
      a.items.push(item('skipped', 'binary-file', path, { where: at(texts[0]!.f.origin, 0), why: 'not text: the stack’s files hold text only; copy it yourself' }));
      return;
    }
    const all = usable.length === a.nodes.length && usable.every((t) => t.text === usable[0]!.text);
    const mode = (m?: number) => (m === undefined ? undefined : `0${(m & 0o777).toString(8)}`);
    const entries = all ? [{ ...usable[0]!, nodes: undefined }] : usable.map((t) => ({ ...t, nodes: [t.node] }));
    for (const e of entries) {
      const m = mode(e.f.mode);
      files.push(compact({ path, mode: m === '0644' ? undefined : m, content: e.text!, nodes: e.nodes }));
    }
    a.items.push(item('passthrough', 'extra-file', path, { where: at(texts[0]!.f.origin, 0), path: `files`, why }));
  };
  const paths = new Set(a.referenced);
  for (const path of paths) {
    const perNode = a.nodes.flatMap((n) => {
      const f = findFile(n.others, path);
      return f && !a.consumed.has(f) ? [{ node: n.name, f }] : [];
    });
    if (perNode.length) add(path, perNode, 'a configuration names it: placed by apply as it is');
  }
  const leftovers = new Map<string, { node: string; f: SourceFile }[]>();
  for (const n of a.nodes) for (const f of n.others) if (!a.consumed.has(f) && f.path.startsWith('/')) leftovers.set(f.path, [...(leftovers.get(f.path) ?? []), { node: n.name, f }]);
  for (const [path, perNode] of leftovers) add(path, perNode, 'no importer reads it: kept as an extra file');
  for (const n of a.nodes) for (const f of n.others) if (!a.consumed.has(f)) a.items.push(item('skipped', 'unplaced-file', f.origin, { why: 'read from a directory without the node’s layout (etc/...): its place on the node is unknown' }));
  return files;
}

/** What only hactl's own model on a node says (description, users, vagrant, platform): taken when present. */
function fromHint(a: Assembly, draft: Draft): void {
  const m = a.hint?.model;
  if (!m) return;
  const where = { file: a.hint!.file.origin, line: 0, column: 0 };
  const note = (path: string) => a.items.push(item('hint', 'model-hint', path, { where, path, why: 'no configuration file says it' }));
  if (m.description) {
    draft.description = m.description;
    note('description');
  }
  if (m.users.length) {
    draft.users = m.users.map(({ path: _p, ...u }) => u);
    note('users');
  }
  if (m.vagrant) {
    draft.vagrant = m.vagrant;
    note('vagrant');
  }
}

export function assembleExtras(a: Assembly, draft: Draft): void {
  const kept = assembleFirewall(a, draft);
  assembleHosts(a, draft);
  fromHint(a, draft);
  const files = assembleFiles(a, kept);
  if (files.length) draft.files = files;
}
