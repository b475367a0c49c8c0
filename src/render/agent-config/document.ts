import type { AgentConfigDocument } from '../../agent/config/types.js';
import { HactlError, error } from '../../diagnostics/index.js';
import type { ClusterModel, GroupModel, PrimitiveModel, Score } from '../../model/model.js';
import type { SecretSource } from '../../secrets/source.js';
import { resolveSecret } from '../resolve-secret.js';
import { agentResources } from './resources.js';

type LinkDoc = AgentConfigDocument['links'][number];
type GroupDoc = AgentConfigDocument['groups'][number];

const linkName = (nic: string, index: number, all: readonly { nic: string }[]) => (all.filter((l) => l.nic === nic).length > 1 ? `${nic}-${index}` : nic);

function links(model: ClusterModel): { docs: LinkDoc[]; names: { name: string; nic: string }[] } {
  const hb = model.heartbeat;
  if (!hb) throw HactlError.from(error('interconnect-missing', 'heartbeat', 'the agent needs heartbeat.interconnect links to send its heartbeats on'));
  const names = hb.links.map((l, i) => ({ name: linkName(l.nic, i, hb.links), nic: l.nic }));
  const docs = hb.links.map((l, i): LinkDoc => ({
    name: names[i]!.name,
    mode: l.mode,
    port: l.port,
    iface: l.nic,
    ...(l.group ? { group: l.group } : {}),
    ttl: l.ttl,
  }));
  return { docs, names };
}

function auth(model: ClusterModel, secrets: SecretSource): AgentConfigDocument['auth'] {
  if (!model.auth) throw HactlError.from(error('auth-missing', 'auth', 'the agent needs auth: a method and a key'));
  if (model.auth.method === 'crc') throw HactlError.from(error('auth-crc', 'auth.method', 'the agent runtime needs a keyed auth method (sha256, sha1 or md5), not crc'));
  if (!model.auth.keyFrom) throw HactlError.from(error('auth-secret-missing', 'auth.keyFrom', `auth method ${model.auth.method} needs keyFrom`));
  return { method: model.auth.method, key: resolveSecret(secrets, model.auth.keyFrom, 'auth.keyFrom', 'agent key') };
}

function quorum(model: ClusterModel): AgentConfigDocument['quorum'] {
  const policy = String(model.properties['no-quorum-policy'] ?? 'stop');
  const expected = Number(model.properties['expected-quorum-votes'] ?? model.nodes.length);
  return {
    policy: policy === 'ignore' || policy === 'freeze' ? policy : 'stop',
    expectedVotes: Math.max(expected, model.nodes.length),
    twoNode: model.corosync?.twoNode ?? model.nodes.length === 2,
  };
}

/** A primitive outside any group runs as a group of one, the agent's unit of placement. */
function asGroups(model: ClusterModel): GroupModel[] {
  return model.resources.map((r) =>
    r.kind === 'group' ? r : { kind: 'group', name: r.name, path: r.path, members: [r as PrimitiveModel], score: 100, notify: {} },
  );
}

function groups(model: ClusterModel): { docs: GroupDoc[]; groupOf: (rsc: string) => string } {
  const list = asGroups(model);
  const groupOf = (rsc: string) => list.find((g) => g.name === rsc || g.members.some((m) => m.name === rsc || (m.kind === 'drbd' && m.master.name === rsc)))?.name ?? rsc;
  const location = new Map<string, Record<string, Score>>();
  for (const c of model.constraints) if (c.type === 'location') location.set(groupOf(c.rsc), { ...location.get(groupOf(c.rsc)), [c.node]: c.score });
  // the agent shares one id space between groups and resources, and a stack may name a group after its service
  const used = new Set(list.map((g) => g.name));
  const unique = (id: string) => {
    let name = id;
    for (let i = 2; used.has(name); i++) name = `${id}-${i}`;
    used.add(name);
    return name;
  };
  const docs = list.map((g) => {
    const members = g.members.flatMap((m) => agentResources(model, m)).map((r) => ({ ...r, id: unique(r.id) }));
    const doc: GroupDoc = { name: g.name, members };
    if (g.preferred) {
      doc.preferred = g.preferred;
      if (typeof g.score === 'number') doc.preferredScore = g.score;
      else location.set(g.name, { [g.preferred]: g.score, ...location.get(g.name) });
    }
    if (location.has(g.name)) doc.location = location.get(g.name);
    if (g.migrationThreshold !== undefined) doc.migrationThreshold = g.migrationThreshold;
    if (g.failureTimeoutMs !== undefined) doc.failureTimeoutMs = g.failureTimeoutMs;
    // a notify script is a path: as an argv the agent runs it without a shell, so a space in the path stays part of it
    if (Object.keys(g.notify).length) doc.notify = Object.fromEntries(Object.entries(g.notify).map(([event, path]) => [event, [path]]));
    return doc;
  });
  return { docs, groupOf };
}

/** The agent's whole configuration document (src/agent/config/schema.ts) from the cluster model; the same on every node. */
export function agentDocument(model: ClusterModel, secrets: SecretSource): AgentConfigDocument {
  const { docs: linkDocs, names } = links(model);
  const hb = model.heartbeat!;
  const { docs: groupDocs, groupOf } = groups(model);
  const nodes = model.nodes.map((node) => ({
    name: node.name,
    addresses: Object.fromEntries(
      names.flatMap(({ name, nic }) => {
        const n = node.nics.find((x) => x.name === nic);
        return n ? [[name, `${n.address}/${n.prefix}`]] : [];
      }),
    ),
  }));
  const doc: AgentConfigDocument = {
    version: 1,
    cluster: model.cluster,
    nodes,
    links: linkDocs,
    auth: auth(model, secrets),
    timings: { keepaliveMs: hb.keepaliveMs, warntimeMs: hb.warntimeMs, deadtimeMs: hb.deadtimeMs, initdeadMs: hb.initdeadMs },
    autoFailback: hb.autoFailback,
    ping: { targets: hb.ping, weight: model.agent.pingWeight ?? hb.pingd?.multiplier ?? 100 },
    quorum: quorum(model),
    groups: groupDocs,
    colocations: model.constraints.flatMap((c) => (c.type === 'colocation' ? [{ group: groupOf(c.rsc), with: groupOf(c.with), score: c.score }] : [])),
    orders: model.constraints.flatMap((c) =>
      c.type === 'order' ? [{ first: groupOf(c.first), then: groupOf(c.then), kind: c.kind === 'Optional' ? 'optional' : 'mandatory' }] : [],
    ),
  };
  if (model.agent.fencing) doc.fencing = { command: model.agent.fencing.command };
  if (model.agent.controlSocket) doc.control = { socket: model.agent.controlSocket };
  if (model.agent.metrics !== undefined) doc.metrics = { listen: String(model.agent.metrics) };
  return doc;
}
