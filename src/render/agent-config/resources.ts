import type { AgentResourceDocument } from '../../agent/config/types.js';
import type { ClusterModel, MonitorModel, OpModel, PrimitiveModel } from '../../model/model.js';
import { inSubnet } from '../../model/network.js';

type OpsDoc = NonNullable<AgentResourceDocument['ops']>;
/** A resource before it has its id and ops (omitted per class, so `class` still tells the fields apart). */
type BodyDoc = AgentResourceDocument extends infer R ? (R extends AgentResourceDocument ? Omit<R, 'id' | 'ops'> : never) : never;

function ops(list: readonly OpModel[]): OpsDoc | undefined {
  const out: OpsDoc = {};
  for (const op of list) {
    if (op.name !== 'start' && op.name !== 'stop' && op.name !== 'monitor') continue;
    const doc: NonNullable<OpsDoc['monitor']> = {};
    if (op.name === 'monitor') doc.intervalMs = op.intervalMs;
    if (op.timeoutMs !== undefined) doc.timeoutMs = op.timeoutMs;
    if (op.onFail !== undefined) doc.onFail = op.onFail;
    out[op.name] = doc;
  }
  return Object.keys(out).length ? out : undefined;
}

const params = (record: Record<string, string | number | boolean>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));

/** The NIC a VIP goes on: the stack's choice, else the first NIC of a node whose subnet holds it (names match across nodes). */
function vipNic(model: ClusterModel, ip: string, nic: string | undefined): string {
  if (nic) return nic;
  for (const node of model.nodes) for (const n of node.nics) if (inSubnet(ip, n)) return n.name;
  return model.nodes[0]?.nics[0]?.name ?? 'eth0';
}

function body(model: ClusterModel, p: PrimitiveModel): BodyDoc {
  switch (p.kind) {
    case 'vip':
      return { class: 'ipaddr2', ip: p.ip, cidr: p.prefix, nic: vipNic(model, p.ip, p.nic) };
    case 'service':
      return model.platform === 'centos6' ? { class: 'lsb', name: p.service } : { class: 'systemd', unit: p.service };
    case 'lsb':
      return { class: 'lsb', name: p.script };
    case 'systemd':
      return { class: 'systemd', unit: p.unit };
    case 'ocf':
      return { class: 'ocf', provider: p.provider, type: p.type, params: params(p.params) };
    case 'apache':
      return { class: 'ocf', provider: 'heartbeat', type: 'apache', params: { configfile: p.configfile, statusurl: p.statusurl } };
    case 'tomcat':
      return {
        class: 'ocf',
        provider: 'heartbeat',
        type: 'tomcat',
        params: { java_home: p.javaHome, catalina_home: p.catalinaHome, tomcat_user: p.user, statusurl: p.statusurl },
      };
    case 'exec': {
      const doc: BodyDoc & { class: 'exec' } = { class: 'exec' };
      if (p.run !== undefined) doc.run = p.run;
      if (p.start !== undefined) doc.start = p.start;
      if (p.stop !== undefined) doc.stop = p.stop;
      const monitor = p.monitor?.check === 'script' && p.monitor.command ? p.monitor.command : p.status;
      if (monitor !== undefined) doc.monitor = monitor;
      return doc;
    }
    case 'drbd':
      return { class: 'drbd', resource: p.resource };
    case 'filesystem':
      return { class: 'filesystem', device: p.device, directory: p.directory, fstype: p.fstype, ...(p.options ? { options: p.options } : {}) };
  }
}

/** memcached/http/tcp monitors become the agent's monitor-only resources right after the one they watch. */
function probe(p: PrimitiveModel, monitor: MonitorModel): AgentResourceDocument | undefined {
  let check: BodyDoc | undefined;
  if (monitor.check === 'memcached') check = { class: 'memcached', ...(monitor.port ? { port: monitor.port } : {}) };
  else if (monitor.check === 'http' && monitor.url) check = { class: 'http', url: monitor.url };
  else if (monitor.check === 'tcp' && monitor.port) check = { class: 'tcp', port: monitor.port };
  if (!check) return undefined;
  const opsDoc = ops([monitor]);
  return { id: `${p.name}-check`, ...check, ...(opsDoc ? { ops: opsDoc } : {}) };
}

export function agentResources(model: ClusterModel, p: PrimitiveModel): AgentResourceDocument[] {
  const opsDoc = ops(p.ops);
  const own: AgentResourceDocument = { id: p.name, ...body(model, p), ...(opsDoc ? { ops: opsDoc } : {}) };
  const check = p.monitor ? probe(p, p.monitor) : undefined;
  return check ? [own, check] : [own];
}
