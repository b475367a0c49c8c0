import type { AgentResourceDocument } from '../../agent/config/types.js';
import type { ClusterInput } from '../../model/cluster.js';
import { at } from '../located.js';
import { item } from '../report.js';
import type { Assembly } from './context.js';
import { compact, duration, named, type Draft, type PrimitiveInput, type ResourceInput } from './draft.js';
import { agreed } from './merge.js';
import { keepSecret, type SecretOptions } from './secrets.js';

type Heartbeat = NonNullable<ClusterInput['heartbeat']>;
type Link = Extract<Heartbeat['interconnect'], { nic: string }>;
type Ops = NonNullable<AgentResourceDocument['ops']>;
type Constraint = NonNullable<ClusterInput['constraints']>[number];

const CHECKS = new Set(['memcached', 'http', 'tcp']);

function op(o: NonNullable<Ops['start']> | undefined, monitor = false): Record<string, unknown> | undefined {
  if (!o) return undefined;
  const m = o as { intervalMs?: number; timeoutMs?: number; onFail?: string };
  return compact({ interval: monitor && m.intervalMs !== undefined ? duration(m.intervalMs) : undefined, timeout: m.timeoutMs !== undefined ? duration(m.timeoutMs) : undefined, onFail: m.onFail });
}

/** A resource of the agent's document as the stack's kind; the agent's own check resources become monitors. */
function primitive(r: AgentResourceDocument): PrimitiveInput | undefined {
  const x = r as AgentResourceDocument & Record<string, unknown>;
  let p: Record<string, unknown> | undefined;
  switch (r.class) {
    case 'ipaddr2':
      p = compact({ vip: `${String(x.ip)}/${String(x.cidr)}`, nic: x.nic as string | undefined });
      break;
    case 'lsb':
      p = { lsb: x.name };
      break;
    case 'systemd':
      p = { systemd: x.unit };
      break;
    case 'exec':
      p = { exec: compact({ run: x.run, start: x.start, stop: x.stop, status: x.monitor }) };
      break;
    case 'drbd':
      p = { drbd: x.resource };
      break;
    case 'filesystem':
      p = { filesystem: compact({ device: x.device, directory: x.directory, fstype: x.fstype, options: x.options }) };
      break;
    case 'ocf': {
      const params = (x.params ?? {}) as Record<string, string>;
      const keys = Object.keys(params).sort().join(' ');
      if (x.provider === 'heartbeat' && x.type === 'apache' && keys === 'configfile statusurl') p = { apache: { configfile: params.configfile, statusurl: params.statusurl } };
      else if (x.provider === 'heartbeat' && x.type === 'tomcat' && keys === 'catalina_home java_home statusurl tomcat_user') p = { tomcat: { javaHome: params.java_home, catalinaHome: params.catalina_home, user: params.tomcat_user, statusurl: params.statusurl } };
      else p = compact({ ocf: `${String(x.provider)}:${String(x.type)}`, params: Object.keys(params).length ? params : undefined });
      break;
    }
    default:
      return undefined;
  }
  const ops = r.ops ?? {};
  Object.assign(p, compact({ start: op(ops.start), monitor: op(ops.monitor, true), stop: op(ops.stop) }));
  return named(p as PrimitiveInput, r.id);
}

/** The check resource right after a primitive (`NAME-check`) as that primitive's monitor kind. */
function addCheck(p: PrimitiveInput, check: AgentResourceDocument): void {
  const c = check as AgentResourceDocument & { port?: number; url?: string };
  const monitor = ((p as Record<string, unknown>).monitor ?? {}) as Record<string, unknown>;
  (p as Record<string, unknown>).monitor = compact({ kind: check.class, port: c.port, url: c.url, ...op(check.ops?.monitor, true), ...monitor });
}

/** /etc/hactl/agent.json of the nodes: the bundled agent's whole configuration, said back as the stack. */
export function assembleAgent(a: Assembly, draft: Draft, secrets: SecretOptions): void {
  const docs = a.nodes.filter((n) => n.agent);
  if (!docs.length) return;
  const doc = docs[0]!.agent!.value;
  const where = at(docs[0]!.agent!.file.origin, 0);
  for (const n of docs) a.consumed.add(n.agent!.file);
  agreed(a, 'agent.json', 'agent', docs.map((n) => ({ node: n.name, value: { ...n.agent!.value, auth: undefined }, where: at(n.agent!.file.origin, 0) })));
  draft.runtime = 'agent';
  draft.cluster = doc.cluster;
  for (const n of doc.nodes) {
    const node = draft.nodes[n.name];
    if (!node || Object.keys(node.nics).length) continue;
    for (const [link, address] of Object.entries(n.addresses ?? {})) node.nics[doc.links.find((l) => l.name === link)?.iface ?? link] = address;
  }
  const links: Link[] = doc.links.map((l) => compact({ nic: l.iface ?? l.name, mode: l.mode === 'ucast' ? undefined : l.mode, port: l.port, group: (l as { group?: string }).group, ttl: l.ttl === 1 ? undefined : l.ttl }) as Link);
  const t = doc.timings ?? {};
  draft.heartbeat = compact({
    interconnect: links.length === 1 ? links[0]! : links,
    keepalive: t.keepaliveMs !== undefined ? duration(t.keepaliveMs) : undefined,
    warntime: t.warntimeMs !== undefined ? duration(t.warntimeMs) : undefined,
    deadtime: t.deadtimeMs !== undefined ? duration(t.deadtimeMs) : undefined,
    initdead: t.initdeadMs !== undefined ? duration(t.initdeadMs) : undefined,
    autoFailback: doc.autoFailback ? true : undefined,
    ping: doc.ping?.targets?.length ? doc.ping.targets : undefined,
  }) as Heartbeat;
  draft.auth = { method: doc.auth.method as 'sha256', keyFrom: keepSecret(a, secrets, { name: 'authkey', env: 'HACTL_AUTHKEY', what: `the ${doc.auth.method} key of agent.json`, path: 'auth.keyFrom', value: doc.auth.key ?? '', where }) };
  const policy = doc.quorum?.policy;
  const properties: Record<string, string | number> = {};
  if (policy && policy !== 'stop') properties['no-quorum-policy'] = policy;
  if (doc.quorum?.expectedVotes !== undefined && doc.quorum.expectedVotes > doc.nodes.length) properties['expected-quorum-votes'] = doc.quorum.expectedVotes;
  if (Object.keys(properties).length) draft.properties = properties;
  const agent = compact({ controlSocket: doc.control?.socket, fencing: doc.fencing ? { command: Array.isArray(doc.fencing.command) ? doc.fencing.command.join(' ') : doc.fencing.command } : undefined, pingWeight: doc.ping?.weight !== undefined && doc.ping.weight !== 100 ? doc.ping.weight : undefined });
  if (Object.keys(agent).length) draft.agent = agent;
  const resources: ResourceInput[] = [];
  const constraints: Constraint[] = [];
  for (const g of doc.groups) {
    const members: PrimitiveInput[] = [];
    for (const r of g.members) {
      if (CHECKS.has(r.class) && members.length && r.id.endsWith('-check')) addCheck(members.at(-1)!, r);
      else {
        const p = primitive(r);
        if (p) members.push(p);
        else a.items.push(item('passthrough', 'agent-resource', `${g.name}: ${r.id} (${r.class})`, { where, why: 'the stack has no kind for it' }));
      }
    }
    const lone = members.length === 1 && g.members[0]?.id === g.name && !g.preferred && g.migrationThreshold === undefined && !g.notify;
    if (lone) resources.push(members[0]!);
    else {
      const notify = g.notify ? Object.fromEntries(Object.entries(g.notify).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) : undefined;
      resources.push(compact({ group: g.name, preferred: g.preferred, score: g.preferredScore !== undefined && g.preferredScore !== 100 ? g.preferredScore : undefined, migrationThreshold: g.migrationThreshold, failureTimeout: g.failureTimeoutMs !== undefined ? duration(g.failureTimeoutMs) : undefined, notify, members }) as ResourceInput);
    }
    for (const [node, score] of Object.entries(g.location ?? {})) if (node !== g.preferred) constraints.push({ location: compact({ rsc: g.name, node, score: score === 100 ? undefined : score }) } as Constraint);
  }
  for (const c of doc.colocations ?? []) constraints.push({ colocation: compact({ rsc: c.group, with: c.with, score: c.score === 'INFINITY' ? undefined : c.score }) } as Constraint);
  for (const o of doc.orders ?? []) constraints.push({ order: compact({ first: o.first, then: o.then, kind: o.kind === 'optional' ? 'Optional' : undefined }) } as Constraint);
  if (resources.length) draft.resources = resources;
  if (constraints.length) draft.constraints = constraints;
}
