import { readFile, stat } from 'node:fs/promises';
import { isIP } from 'node:net';
import type {
  AgentColocation,
  AgentConfig,
  AgentFencing,
  AgentGroup,
  AgentLink,
  AgentNode,
  AgentNotify,
  AgentOps,
  AgentOrder,
  AgentResource,
  Command,
  OnFail,
  Score,
} from './config.js';
import { HactlError } from '../diagnostics/index.js';
import { NAME, NAME_HINT, Reader, splitAddress, type ConfigIssue } from './config-reader.js';

export type { ConfigIssue } from './config-reader.js';

/** A config document that cannot run; `issues` lists every problem with its JSON path. */
export class AgentConfigError extends HactlError {
  constructor(
    readonly file: string,
    readonly issues: ConfigIssue[],
  ) {
    super('agent-config', `${file}: invalid agent config:\n` + issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'));
    this.name = 'AgentConfigError';
  }
}

const ON_FAIL: readonly OnFail[] = ['restart', 'block', 'stop', 'ignore', 'standby', 'fence'];
const TOP_KEYS = [
  '$schema', 'version', 'cluster', 'nodes', 'links', 'auth', 'timings', 'autoFailback', 'ping', 'quorum', 'fencing',
  'groups', 'colocations', 'orders', 'notify', 'control', 'runDir', 'stateDir', 'log', 'realtime',
] as const;

/** Reads and validates the file; refuses a key file readable by group or others, as heartbeat does for authkeys. */
export async function loadAgentConfig(path: string): Promise<AgentConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new AgentConfigError(path, [{ path: '(file)', message: (err as Error).message }]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new AgentConfigError(path, [{ path: '(file)', message: `not valid JSON: ${(err as Error).message}` }]);
  }
  const config = parseAgentConfig(doc, path);
  if (config.auth.method !== 'crc') {
    const mode = (await stat(path)).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new AgentConfigError(path, [
        { path: '(file)', message: `holds the cluster key but has mode ${mode.toString(8)}: chmod 600 it` },
      ]);
    }
  }
  return config;
}

/** Validates a parsed JSON document and fills in defaults; throws AgentConfigError listing every issue. */
export function parseAgentConfig(doc: unknown, source = 'agent config'): AgentConfig {
  const issues: ConfigIssue[] = [];
  const r = new Reader(issues, '', doc);
  if (!r.object(TOP_KEYS)) throw new AgentConfigError(source, issues);
  const version = r.number('version', { default: 1, min: 1, max: 1 }) as 1;
  const cluster = r.string('cluster', { pattern: NAME, patternHint: NAME_HINT });
  const nodes = r.array('nodes', readNode);
  const links = r.array('links', readLink);
  const auth = readAuth(r.at('auth'));
  const timings = readTimings(r.at('timings'));
  const autoFailback = r.boolean('autoFailback', false);
  const ping = readPing(r.at('ping'));
  const quorum = readQuorum(r.at('quorum'), nodes.length);
  const fencing = r.has('fencing') ? readFencing(r.at('fencing')) : undefined;
  const notify = r.has('notify') ? readNotify(r.at('notify')) : {};
  const groups = r.array('groups', readGroup);
  const colocations = r.array('colocations', readColocation, []);
  const orders = r.array('orders', readOrder, []);
  const runDir = r.string('runDir', { default: '/run/hactl/{cluster}-{node}', pattern: /^\//, patternHint: 'an absolute path' });
  const control = readControl(r.at('control'));
  const stateDir = r.has('stateDir') ? r.string('stateDir', { pattern: /^\//, patternHint: 'an absolute path' }) : undefined;
  const log = readLog(r.at('log'));
  const realtime = r.boolean('realtime', true);
  const config: AgentConfig = {
    version, cluster, nodes, links, auth, timings, autoFailback, ping, quorum, fencing, groups, colocations, orders,
    notify, control, runDir, stateDir, log, realtime,
  };
  if (fencing === undefined) delete config.fencing;
  if (stateDir === undefined) delete config.stateDir;
  checkReferences(config, issues);
  if (issues.length > 0) throw new AgentConfigError(source, issues);
  return config;
}

function readNode(r: Reader): AgentNode {
  if (!r.object(['name', 'addresses'])) return { name: '', addresses: {} };
  return {
    name: r.string('name', { pattern: NAME, patternHint: NAME_HINT }),
    addresses: r.record('addresses', (a) => a.self({ pattern: /./ }), {}),
  };
}

function readLink(r: Reader): AgentLink {
  if (!r.object(['name', 'mode', 'port', 'iface', 'group', 'ttl', 'broadcast', 'peers'])) {
    return { name: '', mode: 'ucast', port: 694, ttl: 1, peers: [] };
  }
  const link: AgentLink = {
    name: r.string('name', { pattern: NAME, patternHint: NAME_HINT }),
    mode: r.enum('mode', ['ucast', 'bcast', 'mcast'] as const),
    port: r.number('port', { default: 694, min: 1, max: 65535 }),
    ttl: r.number('ttl', { default: 1, min: 1, max: 255 }),
    peers: r.array('peers', (p) => ip(p), []),
  };
  const iface = r.optionalString('iface');
  if (iface !== undefined) link.iface = iface;
  if (r.has('group')) {
    link.group = ip(r.at('group'));
    if (link.group && !isMulticast(link.group)) r.fail('must be a multicast address (224.0.0.0/4)', 'group');
  }
  if (link.mode === 'mcast' && link.group === undefined) r.fail('is required for mcast links', 'group');
  if (r.has('broadcast')) link.broadcast = ip(r.at('broadcast'));
  return link;
}

function ip(r: Reader): string {
  const s = r.self();
  if (s && isIP(s) === 0) r.fail(`must be an IP address, got "${s}"`);
  return s;
}

function isMulticast(addr: string): boolean {
  const first = Number(addr.split('.')[0]);
  return isIP(addr) === 4 && first >= 224 && first <= 239;
}

function readAuth(r: Reader): AgentConfig['auth'] {
  if (!r.object(['method', 'key'])) return { method: 'sha256', key: '' };
  const method = r.enum('method', ['sha1', 'sha256', 'md5', 'crc'] as const, 'sha256');
  const key = method === 'crc' ? (r.optionalString('key') ?? '') : r.string('key');
  return { method, key };
}

function readTimings(r: Reader): AgentConfig['timings'] {
  if (r.value === undefined) return { keepaliveMs: 1000, warntimeMs: 2000, deadtimeMs: 3000, initdeadMs: 6000 };
  if (!r.object(['keepaliveMs', 'warntimeMs', 'deadtimeMs', 'initdeadMs'])) {
    return { keepaliveMs: 1000, warntimeMs: 2000, deadtimeMs: 3000, initdeadMs: 6000 };
  }
  const keepaliveMs = r.number('keepaliveMs', { default: 1000, min: 1 });
  const deadtimeMs = r.number('deadtimeMs', { default: Math.max(3000, keepaliveMs * 3), min: 2 });
  const warntimeMs = r.number('warntimeMs', { default: Math.min(deadtimeMs, Math.max(keepaliveMs * 2, 2)), min: 1 });
  const initdeadMs = r.number('initdeadMs', { default: deadtimeMs * 2, min: 1 });
  if (keepaliveMs >= deadtimeMs) r.fail(`keepaliveMs (${keepaliveMs}) must be below deadtimeMs (${deadtimeMs})`, 'keepaliveMs');
  if (warntimeMs > deadtimeMs) r.fail(`warntimeMs (${warntimeMs}) must not exceed deadtimeMs (${deadtimeMs})`, 'warntimeMs');
  if (warntimeMs <= keepaliveMs) r.fail(`warntimeMs (${warntimeMs}) must exceed keepaliveMs (${keepaliveMs})`, 'warntimeMs');
  if (initdeadMs < deadtimeMs) r.fail(`initdeadMs (${initdeadMs}) must be at least deadtimeMs (${deadtimeMs})`, 'initdeadMs');
  return { keepaliveMs, warntimeMs, deadtimeMs, initdeadMs };
}

function readPing(r: Reader): AgentConfig['ping'] {
  const none = { targets: [], weight: 100, minReachable: 0, intervalMs: 1000, deadMs: 3000 };
  if (r.value === undefined) return none;
  if (!r.object(['targets', 'weight', 'minReachable', 'intervalMs', 'deadMs'])) return none;
  const targets = r.array('targets', (t) => {
    const s = t.self();
    if (s && isIP(s) !== 4) t.fail(`must be an IPv4 address, got "${s}"`);
    return s;
  }, []);
  const intervalMs = r.number('intervalMs', { default: 1000, min: 2 });
  return {
    targets,
    weight: r.number('weight', { default: 100, min: 0 }),
    minReachable: r.number('minReachable', { default: targets.length > 0 ? 1 : 0, min: 0, max: targets.length }),
    intervalMs,
    deadMs: r.number('deadMs', { default: intervalMs * 3, min: intervalMs }),
  };
}

function readQuorum(r: Reader, nodeCount: number): AgentConfig['quorum'] {
  const def = { policy: 'stop' as const, expectedVotes: nodeCount, twoNode: true };
  if (r.value === undefined) return def;
  if (!r.object(['policy', 'expectedVotes', 'twoNode'])) return def;
  return {
    policy: r.enum('policy', ['stop', 'ignore', 'freeze'] as const, 'stop'),
    expectedVotes: r.number('expectedVotes', { default: nodeCount, min: 1 }),
    twoNode: r.boolean('twoNode', true),
  };
}

function readCommand(r: Reader): Command {
  if (Array.isArray(r.value)) {
    if (r.value.length === 0 || !r.value.every((s) => typeof s === 'string' && s.length > 0)) {
      r.fail('must be a non-empty array of non-empty strings');
    }
    return r.value as string[];
  }
  return r.self();
}

function optionalCommand(r: Reader, key: string): Command | undefined {
  return r.has(key) ? readCommand(r.at(key)) : undefined;
}

function readFencing(r: Reader): AgentFencing {
  if (!r.object(['command', 'timeoutMs', 'onPeerDeath'])) return { command: '', timeoutMs: 60000, onPeerDeath: false };
  return {
    command: readCommand(r.at('command')),
    timeoutMs: r.number('timeoutMs', { default: 60000, min: 1 }),
    onPeerDeath: r.boolean('onPeerDeath', false),
  };
}

function readNotify(r: Reader): AgentNotify {
  if (!r.object(['master', 'backup', 'fault', 'timeoutMs'])) return {};
  const out: AgentNotify = {};
  for (const k of ['master', 'backup', 'fault'] as const) {
    const c = optionalCommand(r, k);
    if (c !== undefined) out[k] = c;
  }
  if (r.has('timeoutMs')) out.timeoutMs = r.number('timeoutMs', { min: 1 });
  return out;
}

function readControl(r: Reader): AgentConfig['control'] {
  if (r.value === undefined) return { socket: '{runDir}/control.sock' };
  if (!r.object(['socket'])) return { socket: '{runDir}/control.sock' };
  return { socket: r.string('socket', { default: '{runDir}/control.sock', pattern: /^[/{]/, patternHint: 'an absolute path' }) };
}

function readLog(r: Reader): AgentConfig['log'] {
  if (r.value === undefined) return { level: 'info' };
  if (!r.object(['level', 'file'])) return { level: 'info' };
  const log: AgentConfig['log'] = { level: r.enum('level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const, 'info') };
  const file = r.optionalString('file');
  if (file !== undefined) log.file = file;
  return log;
}

function readScore(r: Reader): Score {
  const v = r.value;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (v === 'INFINITY' || v === '+INFINITY') return 'INFINITY';
  if (v === '-INFINITY') return '-INFINITY';
  r.fail(`must be a finite number, "INFINITY" or "-INFINITY", got ${JSON.stringify(v)}`);
  return 0;
}

function readOps(r: Reader, monitorDefaultMs: number): AgentOps {
  const ops: AgentOps = {
    start: { timeoutMs: 20000, onFail: 'restart' },
    stop: { timeoutMs: 20000, onFail: 'block' },
    monitor: { intervalMs: monitorDefaultMs, timeoutMs: 20000, onFail: 'restart' },
  };
  if (r.value === undefined || !r.object(['start', 'stop', 'monitor'])) return ops;
  for (const name of ['start', 'stop', 'monitor'] as const) {
    const o = r.at(name);
    if (o.value === undefined) continue;
    const keys = name === 'monitor' ? ['intervalMs', 'timeoutMs', 'onFail'] : ['timeoutMs', 'onFail'];
    if (!o.object(keys)) continue;
    ops[name].timeoutMs = o.number('timeoutMs', { default: ops[name].timeoutMs, min: 1 });
    ops[name].onFail = o.enum('onFail', ON_FAIL, ops[name].onFail);
    if (name === 'monitor') ops.monitor.intervalMs = o.number('intervalMs', { default: monitorDefaultMs, min: 0 });
  }
  return ops;
}

const CLASS_KEYS: Record<AgentResource['class'], string[]> = {
  ipaddr2: ['ip', 'cidr', 'nic', 'label', 'arpCount'],
  lsb: ['name', 'path', 'args'],
  heartbeat: ['name', 'path', 'args'],
  ocf: ['provider', 'type', 'params', 'ocfRoot'],
  systemd: ['unit'],
  exec: ['run', 'start', 'stop', 'monitor', 'env', 'cwd'],
  memcached: ['host', 'port'],
  http: ['url', 'expectStatus', 'expectBody'],
  tcp: ['host', 'port'],
  drbd: ['resource'],
  filesystem: ['device', 'directory', 'fstype', 'options'],
};

function readResource(r: Reader): AgentResource {
  const cls = r.isObject() ? r.enum('class', Object.keys(CLASS_KEYS) as AgentResource['class'][]) : 'exec';
  if (!r.object(['id', 'class', 'ops', ...CLASS_KEYS[cls]])) return { id: '', class: 'exec', env: {}, ops: readOps(new Reader([], '', undefined), 0) };
  const id = r.string('id', { pattern: NAME, patternHint: NAME_HINT });
  // A monitor-only class without a monitor would be pointless, so they default to a short interval.
  const ops = readOps(r.at('ops'), 10000);
  switch (cls) {
    case 'ipaddr2': {
      const addr = r.string('ip');
      const family = isIP(addr);
      if (addr && family === 0) r.fail(`must be an IP address, got "${addr}"`, 'ip');
      const res: AgentResource = {
        id, ops, class: cls, ip: addr,
        cidr: r.number('cidr', { min: 0, max: family === 6 ? 128 : 32 }),
        nic: r.string('nic', { pattern: /^[^\s/]{1,15}$/, patternHint: 'an interface name' }),
        arpCount: r.number('arpCount', { default: 1, min: 0, max: 100 }),
      };
      const label = r.optionalString('label');
      if (label !== undefined) res.label = label;
      return res;
    }
    case 'lsb': {
      const res: AgentResource = { id, ops, class: cls, name: r.string('name'), args: r.array('args', (a) => a.self(), []) };
      const path = r.optionalString('path');
      if (path !== undefined) res.path = path;
      return res;
    }
    case 'heartbeat':
      return {
        id, ops, class: cls, name: r.string('name'), args: r.array('args', (a) => a.self(), []),
        path: r.string('path', { pattern: /^\//, patternHint: 'an absolute path' }),
      };
    case 'ocf':
      return {
        id, ops, class: cls,
        provider: r.string('provider', { pattern: NAME, patternHint: NAME_HINT }),
        type: r.string('type', { pattern: NAME, patternHint: NAME_HINT }),
        params: r.record('params', (p) => paramValue(p), {}),
        ocfRoot: r.string('ocfRoot', { default: '/usr/lib/ocf' }),
      };
    case 'systemd':
      return { id, ops, class: cls, unit: r.string('unit') };
    case 'exec': {
      const res: AgentResource = { id, ops, class: cls, env: r.record('env', (e) => paramValue(e), {}) };
      for (const k of ['run', 'start', 'stop', 'monitor'] as const) {
        const c = optionalCommand(r, k);
        if (c !== undefined) res[k] = c;
      }
      const cwd = r.optionalString('cwd');
      if (cwd !== undefined) res.cwd = cwd;
      if (res.run === undefined && res.start === undefined) r.fail('needs `run` (supervised) or `start`', 'start');
      if (res.run !== undefined && res.start !== undefined) r.fail('give either `run` or `start`, not both', 'start');
      return res;
    }
    case 'memcached':
      return { id, ops, class: cls, host: r.string('host', { default: '127.0.0.1' }), port: r.number('port', { default: 11211, min: 1, max: 65535 }) };
    case 'http': {
      const res: AgentResource = {
        id, ops, class: cls,
        url: r.string('url', { pattern: /^http:\/\/[^/\s]+/, patternHint: 'an http:// URL (as the apache statusurl)' }),
        expectStatus: r.number('expectStatus', { default: 200, min: 100, max: 599 }),
      };
      const body = r.optionalString('expectBody');
      if (body !== undefined) res.expectBody = body;
      return res;
    }
    case 'tcp':
      return { id, ops, class: cls, host: r.string('host', { default: '127.0.0.1' }), port: r.number('port', { min: 1, max: 65535 }) };
    case 'drbd':
      return { id, ops, class: cls, resource: r.string('resource', { pattern: NAME, patternHint: NAME_HINT }) };
    case 'filesystem': {
      const res: AgentResource = {
        id, ops, class: cls,
        device: r.string('device'),
        directory: r.string('directory', { pattern: /^\//, patternHint: 'an absolute path' }),
        fstype: r.string('fstype', { pattern: /^[a-z0-9.]+$/, patternHint: 'a filesystem type such as ext4' }),
      };
      const options = r.optionalString('options');
      if (options !== undefined) res.options = options;
      return res;
    }
  }
}

function paramValue(r: Reader): string {
  if (typeof r.value === 'number' || typeof r.value === 'boolean') return String(r.value);
  if (typeof r.value !== 'string') r.fail('must be a string');
  return typeof r.value === 'string' ? r.value : '';
}

function readGroup(r: Reader): AgentGroup {
  const keys = ['name', 'members', 'preferred', 'preferredScore', 'location', 'migrationThreshold', 'failureTimeoutMs', 'notify'];
  if (!r.object(keys)) return { name: '', members: [], preferredScore: 100, location: {}, migrationThreshold: 3, failureTimeoutMs: 0 };
  const g: AgentGroup = {
    name: r.string('name', { pattern: NAME, patternHint: NAME_HINT }),
    members: r.array('members', readResource),
    preferredScore: r.number('preferredScore', { default: 100 }),
    location: r.record('location', readScore, {}),
    migrationThreshold: r.number('migrationThreshold', { default: 3, min: 0 }),
    failureTimeoutMs: r.number('failureTimeoutMs', { default: 0, min: 0 }),
  };
  const preferred = r.optionalString('preferred');
  if (preferred !== undefined) g.preferred = preferred;
  if (r.has('notify')) g.notify = readNotify(r.at('notify'));
  if (Array.isArray(r.at('members').value) && g.members.length === 0) r.fail('must list at least one resource', 'members');
  return g;
}

function readColocation(r: Reader): AgentColocation {
  if (!r.object(['group', 'with', 'score'])) return { group: '', with: '', score: 0 };
  return { group: r.string('group'), with: r.string('with'), score: r.has('score') ? readScore(r.at('score')) : 'INFINITY' };
}

function readOrder(r: Reader): AgentOrder {
  if (!r.object(['first', 'then', 'kind'])) return { first: '', then: '', kind: 'mandatory' };
  return { first: r.string('first'), then: r.string('then'), kind: r.enum('kind', ['mandatory', 'optional'] as const, 'mandatory') };
}

function duplicates(names: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(names.filter((n) => (seen.has(n) ? true : (seen.add(n), false))))];
}

function checkReferences(c: AgentConfig, issues: ConfigIssue[]): void {
  const add = (path: string, message: string): void => void issues.push({ path, message });
  const nodeNames = c.nodes.map((n) => n.name);
  const linkNames = c.links.map((l) => l.name);
  const groupNames = c.groups.map((g) => g.name);
  for (const d of duplicates(nodeNames)) add('nodes', `node "${d}" is listed twice`);
  for (const d of duplicates(linkNames)) add('links', `link "${d}" is listed twice`);
  for (const d of duplicates(groupNames)) add('groups', `group "${d}" is listed twice`);
  const ids = c.groups.flatMap((g) => g.members.map((m) => m.id));
  for (const d of duplicates([...ids, ...groupNames])) add('groups', `resource/group id "${d}" is used twice`);
  if (c.nodes.length === 0) add('nodes', 'must list at least one node');
  if (c.links.length === 0) add('links', 'must list at least one link');
  c.nodes.forEach((n, i) => {
    for (const [link, addr] of Object.entries(n.addresses)) {
      if (!linkNames.includes(link)) add(`nodes[${i}].addresses.${link}`, `no link named "${link}" (links: ${linkNames.join(', ')})`);
      if (splitAddress(addr) === undefined) add(`nodes[${i}].addresses.${link}`, `must be "ip" or "ip/prefix", got "${addr}"`);
    }
  });
  c.links.forEach((l, i) => {
    const missing = c.nodes.filter((n) => n.addresses[l.name] === undefined).map((n) => n.name);
    if (missing.length > 0 && l.iface === undefined) {
      add(`links[${i}]`, `nodes ${missing.join(', ')} have no address on "${l.name}": add nodes[].addresses.${l.name} or links[${i}].iface`);
    }
    if (l.mode === 'ucast' && missing.length > 0 && l.peers.length === 0) {
      add(`links[${i}].peers`, `ucast needs every node's address on "${l.name}" or an explicit peers list (missing: ${missing.join(', ')})`);
    }
  });
  const ports = new Map<string, number>();
  c.links.forEach((l, i) => {
    const key = `${l.mode === 'ucast' ? 'u' : 'm'}:${l.port}:${l.iface ?? ''}:${l.group ?? ''}`;
    if (ports.has(key)) add(`links[${i}]`, `same mode/port/iface as links[${ports.get(key)}]`);
    ports.set(key, i);
  });
  if (c.quorum.expectedVotes < c.nodes.length) add('quorum.expectedVotes', `must be at least the node count (${c.nodes.length})`);
  const groupSet = new Set(groupNames);
  c.groups.forEach((g, i) => {
    if (g.preferred !== undefined && !nodeNames.includes(g.preferred)) add(`groups[${i}].preferred`, `no node named "${g.preferred}"`);
    for (const n of Object.keys(g.location)) if (!nodeNames.includes(n)) add(`groups[${i}].location.${n}`, `no node named "${n}"`);
  });
  c.colocations.forEach((x, i) => {
    if (!groupSet.has(x.group)) add(`colocations[${i}].group`, `no group named "${x.group}"`);
    if (!groupSet.has(x.with)) add(`colocations[${i}].with`, `no group named "${x.with}"`);
    if (x.group === x.with) add(`colocations[${i}]`, 'a group cannot be colocated with itself');
  });
  c.orders.forEach((x, i) => {
    if (!groupSet.has(x.first)) add(`orders[${i}].first`, `no group named "${x.first}"`);
    if (!groupSet.has(x.then)) add(`orders[${i}].then`, `no group named "${x.then}"`);
    if (x.first === x.then) add(`orders[${i}]`, 'a group cannot be ordered after itself');
  });
  const cycle = findCycle(c.colocations.map((x) => [x.group, x.with] as const));
  if (cycle) add('colocations', `colocation cycle: ${cycle.join(' -> ')}`);
  const orderCycle = findCycle(c.orders.map((x) => [x.then, x.first] as const));
  if (orderCycle) add('orders', `order cycle: ${orderCycle.join(' -> ')}`);
}

function findCycle(edges: ReadonlyArray<readonly [string, string]>): string[] | undefined {
  const out = new Map<string, string[]>();
  for (const [a, b] of edges) out.set(a, [...(out.get(a) ?? []), b]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of out.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of out.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}
