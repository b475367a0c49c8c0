import type { ClusterInput } from '../../model/cluster.js';
import type { PlatformProfile } from '../../platform/profiles.js';
import { isDummyIndex, parseProxyConf } from '../parse/apache.js';
import { parseTomcatScript } from '../parse/init-script.js';
import { normalizeScore, type Nvpair, type PacemakerConf, type PcmkOp, type PcmkPrimitive } from '../parse/pacemaker-conf.js';
import { item } from '../report.js';
import { findFile } from '../source/classify.js';
import type { SourceFile } from '../source/types.js';
import type { Assembly } from './context.js';
import { compact, duration, named, pcmkMs, type Draft, type PrimitiveInput, type ResourceInput } from './draft.js';
import { initScriptResource } from './init-scripts.js';

type Constraint = NonNullable<ClusterInput['constraints']>[number];
type Score = 'INFINITY' | '-INFINITY' | number;

const score = (text: string): Score | undefined => {
  const s = normalizeScore(text);
  return s === undefined ? undefined : s === 'INFINITY' || s === '-INFINITY' ? s : Number(s);
};

/** Property and meta values as YAML writes them naturally: true/false and integers unquoted. */
const value = (v: string): string | number | boolean => (v === 'true' ? true : v === 'false' ? false : /^-?\d+$/.test(v) && String(Number(v)) === v ? Number(v) : v);

const OP_NAMES = new Set(['start', 'stop', 'monitor', 'promote', 'demote']);

/** ops, meta into the primitive's fields; what the stack cannot say is reported as passthrough. */
function opsAndMeta(a: Assembly, p: PcmkPrimitive, out: Record<string, unknown>): void {
  const seen = new Set<string>();
  for (const op of p.ops) {
    if (!OP_NAMES.has(op.name) || seen.has(op.name) || op.role || op.other.length) {
      a.items.push(item('passthrough', 'pcmk-op', `${p.id}: op ${op.name}${op.role ? ` role=${op.role}` : ''}${op.other.map((o) => ` ${o.name}=${o.value}`).join('')}`, { where: p.where, why: 'the stack has one op of each of start, stop, monitor, promote, demote, with interval, timeout and on-fail' }));
      continue;
    }
    seen.add(op.name);
    out[op.name] = opOf(op);
  }
  const meta: Record<string, string | number | boolean> = {};
  for (const m of p.meta) {
    if (m.name === 'migration-threshold' && /^\d+$/.test(m.value)) out.migrationThreshold = Number(m.value);
    else if (m.name === 'failure-timeout' && pcmkMs(m.value) !== undefined) out.failureTimeout = duration(pcmkMs(m.value)!);
    else meta[m.name] = value(m.value);
  }
  if (Object.keys(meta).length) out.meta = meta;
}

function opOf(op: PcmkOp): Record<string, unknown> {
  const interval = pcmkMs(op.interval);
  const timeout = pcmkMs(op.timeout);
  return compact({ interval: interval !== undefined ? duration(interval) : op.interval, timeout: timeout !== undefined ? duration(timeout) : op.timeout, onFail: op.onFail });
}

const params = (list: Nvpair[]) => Object.fromEntries(list.map((p) => [p.name, p.value]));
const only = (list: Nvpair[], names: string[]) => list.every((p) => names.includes(p.name));

/** The stack's kind for a primitive when its agent and every parameter are ones the kind has; else a plain ocf. */
function primitiveOf(a: Assembly, p: PcmkPrimitive, files: readonly SourceFile[]): PrimitiveInput | undefined {
  const v = params(p.params);
  const agent = `${p.cls}:${p.provider ?? ''}:${p.type}`;
  if ((agent === 'ocf:heartbeat:IPaddr2' || agent === 'ocf:heartbeat:IPaddr') && v.ip && v.cidr_netmask && /^\d+$/.test(v.cidr_netmask) && only(p.params, ['ip', 'cidr_netmask', 'nic'])) {
    if (agent === 'ocf:heartbeat:IPaddr') a.items.push(item('changed', 'ipaddr-ipaddr2', `${p.id}: IPaddr`, { where: p.where, why: 'the stack’s VIP runs as IPaddr2 (IPaddr is its deprecated predecessor)' }));
    return compact({ vip: `${v.ip}/${v.cidr_netmask}`, nic: v.nic }) as PrimitiveInput;
  }
  if (agent === 'ocf:heartbeat:apache' && v.configfile && v.statusurl && only(p.params, ['configfile', 'statusurl'])) {
    const index = files.find((f) => f.path.endsWith('/index.html') && isDummyIndex(f.bytes.toString('utf8')));
    const proxyFile = files.find((f) => f.path.endsWith('/httpd-proxy.conf'));
    const proxies = proxyFile ? parseProxyConf(proxyFile.bytes.toString('utf8')) : undefined;
    if (index) consumeEverywhere(a, index.path);
    if (proxyFile && proxies) consumeEverywhere(a, proxyFile.path);
    return { apache: compact({ configfile: v.configfile, statusurl: v.statusurl, indexHtml: index ? true : undefined, proxies }) } as PrimitiveInput;
  }
  if (agent === 'ocf:heartbeat:tomcat' && v.java_home && v.catalina_home && v.tomcat_user && v.statusurl && only(p.params, ['java_home', 'catalina_home', 'tomcat_user', 'statusurl'])) {
    const script = findFile(files, '/etc/init.d/tomcat');
    const ours = script ? parseTomcatScript(script.bytes.toString('utf8')) : undefined;
    if (script && ours) consumeEverywhere(a, script.path);
    return { tomcat: compact({ javaHome: v.java_home, catalinaHome: v.catalina_home, user: v.tomcat_user, statusurl: v.statusurl, initScript: ours ? true : undefined }) } as PrimitiveInput;
  }
  if ((agent === 'ocf:linbit:drbd' || agent === 'ocf:heartbeat:drbd') && v.drbd_resource && only(p.params, ['drbd_resource'])) {
    if (agent === 'ocf:heartbeat:drbd') a.items.push(item('changed', 'drbd-agent', `${p.id}: ocf:heartbeat:drbd`, { where: p.where, why: 'the stack runs DRBD with LINBIT’s ocf:linbit:drbd, which replaced the heartbeat agent' }));
    return { drbd: v.drbd_resource } as PrimitiveInput;
  }
  if (agent === 'ocf:heartbeat:Filesystem' && v.device && v.directory && v.fstype && only(p.params, ['device', 'directory', 'fstype', 'options'])) {
    return { filesystem: compact({ device: v.device, directory: v.directory, fstype: v.fstype, options: v.options }) } as PrimitiveInput;
  }
  if (p.cls === 'lsb' && !p.params.length) return undefined; // an init script: see below
  if (p.cls === 'systemd' && !p.params.length) return { systemd: p.type } as PrimitiveInput;
  // Pacemaker's service: class (init script if the package has one, else the unit) is what a stack's `service:` renders to
  if (p.cls === 'service' && !p.params.length) {
    consumeRendered(a, files, SERVICE_CONFIGS[p.type]);
    return { service: p.type } as PrimitiveInput;
  }
  if (p.cls === 'ocf' && p.provider) return compact({ ocf: `${p.provider}:${p.type}`, params: p.params.length ? Object.fromEntries(p.params.map((x) => [x.name, value(x.value)])) : undefined }) as PrimitiveInput;
  return undefined;
}

/** Config files hactl writes for a service from the stack (memcached listening on the group's VIPs, on Debian). */
const SERVICE_CONFIGS: Record<string, string> = { memcached: '/etc/memcached.conf' };

/** A service config that says hactl rendered it is written again from the stack: taken, not kept as an extra file. */
function consumeRendered(a: Assembly, files: readonly SourceFile[], path: string | undefined): void {
  const file = path ? findFile(files, path) : undefined;
  if (file && /Rendered by hactl/.test(file.bytes.toString('utf8').split('\n').slice(0, 3).join('\n'))) consumeEverywhere(a, file.path);
}

/** A file hactl renders from the stack on every node: read once, taken on every node. */
function consumeEverywhere(a: Assembly, path: string): void {
  for (const n of a.nodes) for (const f of n.others) if (f.path === path) a.consumed.add(f);
}

/** The Pacemaker configuration: the cluster-wide one (crm output or a CIB), else the first node's. */
function chosen(a: Assembly): { conf: PacemakerConf; file: SourceFile; all: { value: PacemakerConf; file: SourceFile }[] } | undefined {
  const all = [...a.pacemaker, ...a.nodes.flatMap((n) => n.pacemaker)];
  const crm = all.find((p) => !p.file.path.endsWith('.xml')) ?? all[0];
  return crm ? { conf: crm.value, file: crm.file, all } : undefined;
}

/** Properties, rsc_defaults, resources and constraints from the Pacemaker configuration. */
export function assemblePacemaker(a: Assembly, draft: Draft, profile: PlatformProfile): void {
  const picked = chosen(a);
  if (!picked) return;
  const { conf, file } = picked;
  draft.runtime = 'pacemaker';
  for (const p of picked.all) a.consumed.add(p.file);
  const hactlFiles = picked.all.filter((p) => p.file.path.startsWith('/var/lib/hactl/'));
  const hasCib = hactlFiles.some((p) => p.file.path.endsWith('.xml'));
  const hasCrm = hactlFiles.some((p) => !p.file.path.endsWith('.xml'));
  const format = hasCib && hasCrm ? 'both' : hasCib ? 'cib' : undefined;
  const syntax = conf.syntax && conf.syntax !== profile.pacemakerSyntax ? conf.syntax : undefined;
  draft.pacemaker = compact({ messaging: draft.pacemaker?.messaging ?? 'corosync', syntax, haCf: draft.pacemaker?.haCf, format }) as Draft['pacemaker'];
  if (conf.properties.length) draft.properties = Object.fromEntries(conf.properties.filter((p) => !['dc-version', 'cluster-infrastructure', 'last-lrm-refresh', 'have-watchdog', 'cluster-name'].includes(p.name)).map((p) => [p.name, value(p.value)]));
  for (const p of conf.properties) if (['dc-version', 'cluster-infrastructure', 'last-lrm-refresh', 'have-watchdog', 'cluster-name'].includes(p.name)) a.items.push(item('skipped', 'pcmk-runtime-property', `property ${p.name}=${p.value}`, { where: p.where, why: 'Pacemaker sets it itself' }));
  for (const d of conf.rscDefaults) a.items.push(item('passthrough', 'rsc-defaults', `rsc_defaults ${d.name}=${d.value}`, { where: d.where, why: 'the stack sets migration-threshold and failure-timeout per resource: set them there' }));
  for (const k of conf.kept) a.items.push(item('passthrough', 'pcmk-kept', k.source.trim(), { where: k.where, why: k.why }));
  const files = a.nodes.flatMap((n) => n.others);
  const byId = new Map<string, PrimitiveInput>();
  for (const p of conf.primitives) {
    let r = primitiveOf(a, p, files);
    if (!r && p.cls === 'lsb') r = initScriptResource(a, a.nodes[0]!, p.type, undefined, p.where, 'lsb');
    if (!r) {
      a.items.push(item('passthrough', 'pcmk-primitive', p.source.trim(), { where: p.where, why: `the stack has no kind for ${p.cls}${p.provider ? `:${p.provider}` : ''}:${p.type}` }));
      continue;
    }
    const fields = r as Record<string, unknown>;
    opsAndMeta(a, p, fields);
    byId.set(p.id, named(r, p.id));
  }
  const used = new Set<string>();
  const resources: ResourceInput[] = [];
  const masters = new Map(conf.promotables.map((m) => [m.child, m]));
  for (const m of conf.promotables) {
    const child = byId.get(m.child) as Record<string, unknown> | undefined;
    if (!child || !('drbd' in child)) {
      a.items.push(item('passthrough', 'pcmk-promotable', m.source.trim(), { where: m.where, why: 'the stack promotes DRBD resources only' }));
      continue;
    }
    const defaults: Record<string, string> = { 'master-max': '1', 'master-node-max': '1', 'clone-max': '2', 'clone-node-max': '1', notify: 'true', promotable: 'true', 'globally-unique': 'false', 'promoted-max': '1', 'promoted-node-max': '1' };
    const bool = (v: string) => (v === 'yes' || v === 'on' ? 'true' : v === 'no' || v === 'off' ? 'false' : v);
    for (const x of m.meta) if (defaults[x.name] !== bool(x.value)) a.items.push(item('passthrough', 'pcmk-promotable-meta', `${m.id} meta ${x.name}=${x.value}`, { where: m.where, why: 'the stack writes master-max=1 master-node-max=1 clone-max=2 clone-node-max=1 notify=true' }));
    if (m.id !== `ms_${String(child.drbd)}`) child.master = { name: m.id };
    if (conf.syntax === '2' || m.source.includes('promotable')) a.items.push(item('imported', 'promotable', `${m.id}`, { where: m.where }));
  }
  for (const g of conf.groups) {
    const members = g.members.map((id) => byId.get(id)).filter((x): x is PrimitiveInput => x !== undefined);
    g.members.forEach((id) => used.add(id));
    if (!members.length) continue;
    const group: Record<string, unknown> = { group: g.id, members };
    for (const m of g.meta) {
      if (m.name === 'migration-threshold' && /^\d+$/.test(m.value)) group.migrationThreshold = Number(m.value);
      else if (m.name === 'failure-timeout' && pcmkMs(m.value) !== undefined) group.failureTimeout = duration(pcmkMs(m.value)!);
      else a.items.push(item('passthrough', 'pcmk-group-meta', `${g.id} meta ${m.name}=${m.value}`, { where: g.where, why: 'groups in the stack have migration-threshold and failure-timeout only' }));
    }
    resources.push(group as ResourceInput);
  }
  for (const p of conf.primitives) if (!used.has(p.id) && byId.has(p.id)) resources.push(byId.get(p.id)!);
  // groups after their place: keep the configuration's order (primitives in the order written, groups where their first member was)
  const order = (r: ResourceInput) => {
    const first = 'group' in r && typeof r.group === 'string' ? conf.groups.find((g) => g.id === r.group)?.members[0] : [...byId.entries()].find(([, v]) => v === r)?.[0];
    return conf.primitives.findIndex((p) => p.id === first);
  };
  resources.sort((x, y) => order(x) - order(y));
  for (const c of conf.clones) a.items.push(item('passthrough', 'pcmk-clone', c.source.trim(), { where: c.where, why: 'the stack has no clones beyond promotable DRBD' }));
  if (resources.length) draft.resources = resources;
  const constraints = conf.constraints.map((c): Constraint | undefined => {
    const id = (derived: string) => (c.id === derived ? {} : { id: c.id });
    const role = (r: string | undefined) => (r === undefined ? undefined : (r.toLowerCase() === 'promoted' ? 'master' : r.toLowerCase() === 'unpromoted' ? 'slave' : r.toLowerCase()) as 'master' | 'slave' | 'started');
    if (c.type === 'location') {
      const s = score(c.score);
      if (s === undefined) return undefined;
      return { ...id(`loc_${c.rsc}_${c.node}`), location: compact({ rsc: c.rsc, node: c.node, score: s === 100 ? undefined : s, role: role(c.role) }) } as Constraint;
    }
    if (c.type === 'colocation') {
      const s = score(c.score);
      if (s === undefined || c.rscRole) return undefined;
      return { ...id(`col_${c.rsc}_${c.with}`), colocation: compact({ rsc: c.rsc, with: c.with, withRole: role(c.withRole), score: s }) } as Constraint;
    }
    // crm writes the kind as a score (inf:, 0:) or a word (Mandatory:, Optional:, Serialize:)
    const k = c.kind.toLowerCase();
    const kind = k === 'optional' || normalizeScore(k) === '0' ? 'Optional' : k === 'serialize' ? 'Serialize' : undefined;
    if (kind === undefined && k !== 'mandatory' && normalizeScore(k) === undefined) return undefined;
    const act = (x: string | undefined) => (x === undefined || x === 'start' ? undefined : x);
    return { ...id(`ord_${c.first}_${c.then}`), order: compact({ first: c.first, firstAction: act(c.firstAction), then: c.then, thenAction: act(c.thenAction), kind }) } as Constraint;
  });
  constraints.forEach((c, i) => {
    if (!c) a.items.push(item('passthrough', 'pcmk-constraint', conf.constraints[i]!.source.trim(), { where: conf.constraints[i]!.where, why: 'the stack has no such score or role here' }));
  });
  const kept = constraints.filter((c): c is Constraint => c !== undefined);
  if (kept.length) draft.constraints = kept;
  for (const n of conf.nodes) if (!a.nodes.some((x) => x.name === n.name)) a.items.push(item('skipped', 'cib-node', `node ${n.name} of ${file.origin}`, { where: n.where, why: 'no node of the import has that name' }));
  void masters;
}
