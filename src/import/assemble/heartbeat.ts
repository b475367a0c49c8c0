import { posix } from 'node:path';
import { parseHbTime } from '../../agent/heartbeat-v1/ha-cf.js';
import type { ClusterInput } from '../../model/cluster.js';
import type { PlatformProfile } from '../../platform/profiles.js';
import { heartbeatPaths } from '../../render/heartbeat/paths.js';
import type { Where } from '../located.js';
import type { HaCf, Media } from '../parse/ha-cf.js';
import type { HaToken } from '../parse/haresources.js';
import { parseMonitorScript, type MonitorCheck } from '../parse/monitor-script.js';
import { item } from '../report.js';
import { findFile } from '../source/classify.js';
import type { Assembly, NodeConfig } from './context.js';
import { compact, duration, named, type Draft, type PrimitiveInput, type ResourceInput } from './draft.js';
import { agreed } from './merge.js';
import { keepSecret, type SecretOptions } from './secrets.js';
import { initScriptResource } from './init-scripts.js';

type Heartbeat = NonNullable<ClusterInput['heartbeat']>;
type Link = Extract<Heartbeat['interconnect'], { nic: string }>;

const withCf = (a: Assembly) => a.nodes.filter((n): n is NodeConfig & { haCf: NonNullable<NodeConfig['haCf']> } => n.haCf !== undefined);

/** The ha.cf link of each NIC: mode and targets; ucast targets that differ per node as heartbeat expects them to. */
function links(a: Assembly, draft: Draft, cfs: ReturnType<typeof withCf>): Link[] {
  const base = cfs[0]!.haCf.value;
  const port = agreed(a, 'udpport', 'heartbeat.interconnect.port', cfs.map((n) => ({ node: n.name, value: n.haCf.value.udpport?.value, where: n.haCf.value.udpport?.where })));
  const keys = [...new Set(base.media.map((m) => `${m.mode} ${m.nic}`))];
  return keys.map((key) => {
    const [mode, nic] = key.split(' ') as [Media['mode'], string];
    const link: Link = { nic, ...(mode !== 'ucast' ? { mode } : {}), port: port ?? 694 };
    if (mode === 'mcast') {
      const m = base.media.find((x) => x.mode === 'mcast' && x.nic === nic) as Extract<Media, { mode: 'mcast' }>;
      link.group = m.group;
      link.port = m.port;
      if (m.ttl !== 1) link.ttl = m.ttl;
    }
    if (mode !== 'ucast') return link;
    const addressOf = (node: string) => {
      const v = draft.nodes[node]?.nics[nic];
      return (typeof v === 'string' ? v : v?.address)?.split('/')[0];
    };
    const targetsOf = (n: NodeConfig) => (n.haCf?.value.media ?? []).flatMap((m) => (m.mode === 'ucast' && m.nic === nic ? m.addresses : []));
    const same = (x: string[], y: (string | undefined)[]) => x.length === y.length && x.every((v, i) => v === y[i]);
    const names = a.nodes.map((n) => n.name);
    if (cfs.every((n) => same(targetsOf(n), names.filter((o) => o !== n.name).map(addressOf)))) return link;
    if (cfs.every((n) => same(targetsOf(n), names.map(addressOf)))) {
      a.items.push(item('changed', 'ucast-all', `ucast ${nic} lists every node, its own address too`, { where: cfs[0]!.haCf.value.media[0]!.where, path: 'heartbeat.interconnect.ucastTargets', why: 'heartbeat skips its own address; the stack says ucastTargets: all' }));
      return { ...link, ucastTargets: 'all' };
    }
    const peers: Record<string, string> = {};
    for (const n of cfs) {
      const t = targetsOf(n);
      if (t.length !== 1) {
        a.items.push(item('passthrough', 'ucast-targets', `ucast ${nic} of ${n.name}: ${t.join(' ')}`, { where: n.haCf.value.media[0]?.where, why: 'the stack has one ucast target per node or the peers’ addresses' }));
      } else {
        peers[n.name] = t[0]!;
        if (t[0] === addressOf(n.name)) a.items.push(item('changed', 'ucast-self', `ucast ${nic} of ${n.name} points at the node itself (${t[0]})`, { path: `heartbeat.interconnect.peers.${n.name}`, why: 'kept: lint reports it' }));
      }
    }
    return { ...link, peers };
  });
}

interface Respawned {
  monitors: { check: MonitorCheck; script: string; where: Where }[];
}

/** respawn lines: pingd and ifcheckd become their fields, check loops become monitors, the rest stays respawn. */
function respawns(a: Assembly, hb: Heartbeat, base: HaCf, node: NodeConfig, profile: PlatformProfile): Respawned {
  const paths = heartbeatPaths(profile);
  const monitors: Respawned['monitors'] = [];
  const extra: Heartbeat['respawn'] = [];
  for (const r of base.respawn) {
    const [program = '', ...args] = r.value.command.split(/\s+/);
    if (posix.basename(program) === 'pingd') {
      const opt = (flag: string) => args[args.indexOf(flag) + 1];
      const m = args.includes('-m') ? Number(opt('-m')) : undefined;
      const d = args.includes('-d') ? parseHbTime(opt('-d') ?? '') : undefined;
      const attr = args.includes('-a') ? opt('-a') : undefined;
      hb.pingd = compact({ multiplier: m, dampen: d !== undefined ? duration(d) : undefined, attribute: attr });
      if (program !== paths.pingd) a.items.push(item('changed', 'pingd-path', `pingd at ${program}`, { where: r.where, path: 'heartbeat.pingd', why: `the stack runs the platform's ${paths.pingd}` }));
      continue;
    }
    if (posix.basename(program) === 'ifcheckd') {
      hb.ifcheckd = true;
      continue;
    }
    const script = findFile(node.others, program);
    const check = script ? parseMonitorScript(script.bytes.toString('utf8')) : undefined;
    if (check && script) {
      for (const n of a.nodes) {
        const same = findFile(n.others, program);
        if (same) a.consumed.add(same);
      }
      monitors.push({ check, script: program, where: r.where });
      a.items.push(item('changed', 'respawn-monitor', `respawn ${program}`, { where: r.where, why: `a ${check.kind} check loop that calls hb_standby: the stack says it as the resource's monitor` }));
      continue;
    }
    extra.push(r.value);
    if (program.startsWith('/')) a.referenced.push(program);
  }
  if (extra.length) hb.respawn = extra;
  return { monitors };
}

/** The ha.cf directives of the nodes, merged: what differs beyond the ucast targets is a conflict. */
export function assembleHeartbeat(a: Assembly, draft: Draft, profile: PlatformProfile, secrets: SecretOptions): Respawned | undefined {
  const cfs = withCf(a);
  if (!cfs.length) return undefined;
  const base = cfs[0]!.haCf.value;
  type Value<K extends keyof HaCf> = NonNullable<HaCf[K]> extends { value: infer V } ? V : never;
  const one = <K extends keyof HaCf>(key: K, path: string, show?: (v: Value<K>) => string) =>
    agreed(a, key, path, cfs.map((n) => {
      const v = n.haCf.value[key] as { value: unknown; where: Where } | undefined;
      return { node: n.name, value: v?.value as Value<K>, where: v?.where };
    }), show ?? true);
  const time = (key: 'keepalive' | 'deadtime' | 'warntime' | 'initdead' | 'deadping') => {
    // kept in ms, shown in a conflict as the files write it
    const v = one(key, `heartbeat.${key}`, (ms) => duration(ms as number));
    return v === undefined ? undefined : duration(v);
  };
  const list = (key: 'ping' | 'apiauth') => agreed(a, key, `heartbeat.${key}`, cfs.map((n) => ({ node: n.name, value: n.haCf.value[key].map((x) => x.value), where: n.haCf.value[key][0]?.where })));
  const watchdog = one('watchdog', 'heartbeat.watchdog');
  const autoFailback = one('autoFailback', 'heartbeat.autoFailback');
  const ping = list('ping');
  const apiauth = list('apiauth');
  const ls = links(a, draft, cfs);
  const hb: Heartbeat = compact({
    interconnect: ls.length === 1 ? ls[0]! : ls,
    logfile: one('logfile', 'heartbeat.logfile'),
    logfacility: one('logfacility', 'heartbeat.logfacility'),
    debug: one('debug', 'heartbeat.debug'),
    keepalive: time('keepalive'),
    warntime: time('warntime'),
    deadtime: time('deadtime'),
    deadping: time('deadping'),
    initdead: time('initdead'),
    autoFailback: autoFailback === true ? true : undefined,
    watchdog,
    ping: ping?.length ? ping : undefined,
    apiauth: apiauth?.length ? apiauth : undefined,
  }) as Heartbeat;
  if (!ls.length) a.items.push(item('assumed', 'no-media', 'ha.cf has no ucast, bcast or mcast line', { where: { file: cfs[0]!.haCf.file.origin, line: 0, column: 0 }, why: 'heartbeat would not start; the stack needs an interconnect: fill heartbeat.interconnect in' }));
  const respawned = respawns(a, hb, base, cfs[0]!, profile);
  const nodeNames = base.nodes.map((n) => n.value);
  for (const n of nodeNames) if (!a.nodes.some((x) => x.name === n)) a.items.push(item('skipped', 'ha-cf-node', `node ${n} of ha.cf: no files were read for it`, { where: base.nodes.find((x) => x.value === n)!.where, why: 'the stack lists the nodes it read; import that node too' }));
  for (const o of base.other) a.items.push(item('passthrough', 'ha-cf-directive', o.raw, { where: o.where, why: o.why }));
  for (const n of cfs) a.consumed.add(n.haCf.file);
  draft.heartbeat = hb;
  const crm = base.crm?.value;
  if (crm && !['off', 'no', 'false'].includes(crm.value.toLowerCase())) {
    draft.runtime = 'pacemaker';
    const haCf = crm.directive === 'crm' ? 'crm on' : 'pacemaker on';
    draft.pacemaker = { messaging: 'heartbeat', ...(haCf === 'crm on' ? { haCf } : {}) };
    if (!['on', 'yes', 'true', 'respawn'].includes(crm.value.toLowerCase())) a.items.push(item('changed', 'crm-mode', `${crm.directive} ${crm.value}`, { where: base.crm!.where, path: 'pacemaker.haCf', why: `the stack writes ${haCf}` }));
  } else draft.runtime = 'heartbeat';
  assembleAuth(a, draft, secrets);
  return respawned;
}

/** authkeys: the method in the stack, the key a reference (nodes with different keys: a conflict, values not shown). */
function assembleAuth(a: Assembly, draft: Draft, secrets: SecretOptions): void {
  const keys = a.nodes.filter((n) => n.authkeys);
  if (!keys.length) return;
  const method = agreed(a, 'authkeys method', 'auth.method', keys.map((n) => ({ node: n.name, value: n.authkeys!.value.method, where: n.authkeys!.value.where })));
  agreed(a, 'authkeys key', 'auth.keyFrom', keys.map((n) => ({ node: n.name, value: n.authkeys!.value.key, where: n.authkeys!.value.where })), false);
  const first = keys[0]!.authkeys!.value;
  for (const n of keys) a.consumed.add(n.authkeys!.file);
  draft.auth = { method: method ?? first.method };
  if (first.key !== undefined) {
    draft.auth.keyFrom = keepSecret(a, secrets, { name: 'authkey', env: 'HACTL_AUTHKEY', what: `the ${first.method} key of authkeys`, path: 'auth.keyFrom', value: first.key, where: first.where });
  }
}

const IPADDR = new Set(['IPaddr', 'IPaddr2']);

/** A haresources token as a stack resource, or undefined (then it is kept and reported). */
function haResource(a: Assembly, draft: Draft, node: NodeConfig, t: HaToken, hintNames: Map<string, string>): PrimitiveInput | undefined {
  if (IPADDR.has(t.name)) {
    const [ip = '', prefix, nic] = (t.args[0] ?? '').split('/');
    let p = prefix;
    if (!p) {
      p = prefixFor(draft, ip);
      a.items.push(item('assumed', 'vip-prefix', `${t.text}: prefix /${p}`, { where: t.where, why: 'the line gives no prefix: the one of the NIC whose subnet holds it' }));
    }
    const name = hintNames.get(`vip:${ip}`);
    const vip = compact({ vip: `${ip}/${p}`, nic }) as PrimitiveInput;
    return name ? named(vip, name) : vip;
  }
  if (t.name === 'Filesystem') {
    const [device, directory, fstype, options] = t.args;
    if (!device || !directory || !fstype) return undefined;
    const fs = { filesystem: compact({ device, directory, fstype, options }) } as PrimitiveInput;
    const name = hintNames.get(`filesystem:${directory}`);
    return name ? named(fs, name) : fs;
  }
  if (t.name === 'drbddisk' && t.args[0]) {
    const name = hintNames.get(`drbd:${t.args[0]}`);
    const d = { drbd: t.args[0] } as PrimitiveInput;
    return name ? named(d, name) : d;
  }
  if (t.args.length) return undefined;
  return initScriptResource(a, node, t.name, hintNames.get(`name:${t.name}`), t.where);
}

function prefixFor(draft: Draft, ip: string): string {
  const n = (x: string) => x.split('.').reduce((acc, o) => (acc << 8) + Number(o), 0) >>> 0;
  for (const node of Object.values(draft.nodes)) {
    for (const v of Object.values(node.nics)) {
      const [addr = '', prefix = '24'] = (typeof v === 'string' ? v : v.address).split('/');
      const mask = (0xffffffff << (32 - Number(prefix))) >>> 0;
      if (((n(addr) & mask) >>> 0) === ((n(ip) & mask) >>> 0)) return prefix;
    }
  }
  return '24';
}

/** haresources: one group per line (name from hactl's model when present, else from its first service), in order. */
export function assembleHaresources(a: Assembly, draft: Draft, monitors: Respawned['monitors']): void {
  const nodes = a.nodes.filter((n) => n.haresources);
  if (!nodes.length) return;
  agreed(a, 'haresources', 'resources', nodes.map((n) => ({ node: n.name, value: n.haresources!.value.map((l) => l.raw.replace(/\s+/g, ' ').trim()), where: n.haresources!.value[0]?.where })));
  const node = nodes[0]!;
  for (const n of nodes) a.consumed.add(n.haresources!.file);
  const hint = a.hint?.model;
  const hintNames = new Map<string, string>();
  for (const r of hint?.resources ?? []) {
    for (const p of r.kind === 'group' ? r.members : [r]) {
      const key = p.kind === 'vip' ? `vip:${p.ip}` : p.kind === 'filesystem' ? `filesystem:${p.directory}` : p.kind === 'drbd' ? `drbd:${p.resource}` : undefined;
      if (key) hintNames.set(key, p.name);
    }
  }
  const resources: ResourceInput[] = [];
  const firstNode = a.nodes[0]?.name;
  node.haresources!.value.forEach((line, i) => {
    const members: PrimitiveInput[] = [];
    for (const t of line.resources) {
      const r = haResource(a, draft, node, t, hintNames);
      if (r) members.push(r);
      else a.items.push(item('passthrough', 'haresources-token', t.text, { where: t.where, why: 'a resource script with arguments the stack has no kind for' }));
    }
    if (!members.length) return;
    const hintGroup = hint?.resources.find((r) => r.kind === 'group' && r.members.length === members.length && r.path === `resources[${i}]`);
    const named = members.find((m) => !('vip' in m));
    const group = hintGroup?.name ?? (named ? nameOf(named) : `group_${i + 1}`);
    if (!hintGroup) a.items.push(item('assumed', 'group-name', `group ${group}`, { where: line.where, path: `resources[${i}].group`, why: 'haresources lines have no names: named after its first service' }));
    const lone = members.length === 1 && line.node === firstNode && hint?.resources[i]?.kind !== 'group';
    resources.push(lone ? members[0]! : { group, preferred: line.node, members });
    if (line.node !== firstNode && !lone) a.items.push(item('imported', 'preferred-node', `${group} prefers ${line.node}`, { where: line.where }));
  });
  for (const m of monitors) {
    const target = findPrimitive(resources, m.script, m.check.process);
    if (!target) {
      a.items.push(item('passthrough', 'respawn-monitor', `respawn ${m.script}`, { where: m.where, why: 'it checks no resource of haresources' }));
      continue;
    }
    const c = m.check;
    target.monitor = compact({ kind: c.kind, port: c.port, url: c.url, pidfile: c.pidfile, interval: duration(c.intervalMs), timeout: c.timeoutMs !== undefined ? duration(c.timeoutMs) : undefined, onFail: 'standby' as const });
  }
  draft.resources = resources;
}

function nameOf(p: PrimitiveInput): string {
  const r = p as Record<string, unknown>;
  if (typeof r.name === 'string') return r.name;
  for (const k of ['service', 'lsb', 'systemd']) if (typeof r[k] === 'string') return r[k] as string;
  if (r.drbd) return `drbd_${String(r.drbd)}`;
  if (r.apache) return 'httpd';
  if (r.tomcat) return 'tomcat';
  return 'resource';
}

function findPrimitive(resources: ResourceInput[], script: string, process?: string): PrimitiveInput | undefined {
  const all = resources.flatMap((r) => ('group' in r && typeof r.group === 'string' ? (r as { members: PrimitiveInput[] }).members : [r as PrimitiveInput]));
  const scriptName = /ha-chk-(.+)\.sh$/.exec(script)?.[1];
  return all.find((p) => nameOf(p) === scriptName) ?? all.find((p) => process !== undefined && nameOf(p) === process) ?? all.find((p) => !('vip' in p));
}
