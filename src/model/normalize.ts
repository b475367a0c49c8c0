import type { ClusterInput } from './cluster.js';
import { toMs } from './duration.js';
import { parseCidr } from './network.js';
import { primitiveKinds } from './resources.js';
import { platformProfile } from '../platform/profiles.js';
import type {
  ClusterModel,
  ConstraintModel,
  DrbdModel,
  GroupModel,
  HeartbeatModel,
  LinkModel,
  MonitorModel,
  NicRole,
  NodeModel,
  OpModel,
  PrimitiveModel,
  ResourceModel,
  VrrpModel,
} from './model.js';

type Input = ClusterInput;
type PrimitiveInput = Record<string, unknown>;
type OpInput = { interval?: string | number; timeout?: string | number; onFail?: OpModel['onFail'] };

const ms = (value: string | number | undefined): number | undefined => (value === undefined ? undefined : toMs(value));

/** Turns a schema-valid stack into the resolved model; it never rejects (semantic checks do). */
export function normalize(input: Input): ClusterModel {
  const platform = input.platform ?? 'debian12';
  const profile = platformProfile(platform);
  const interconnectNics = interconnectNicNames(input);
  const nodes = Object.entries(input.nodes).map(([name, node]): NodeModel => ({
    name,
    path: `nodes.${name}`,
    ssh: node.ssh,
    forwardedPorts: node.forwardedPorts ?? [],
    nics: Object.entries(node.nics).map(([nicName, nic]) => {
      const spec = typeof nic === 'string' ? { address: nic } : nic;
      const { address, prefix } = parseCidr(spec.address);
      const role: NicRole = (typeof nic === 'object' && nic.role) || (interconnectNics.has(nicName) ? 'interconnect' : 'service');
      return { name: nicName, address, prefix, role, gateway: typeof nic === 'object' ? nic.gateway : undefined, path: `nodes.${name}.nics.${nicName}` };
    }),
  }));

  return {
    cluster: input.cluster,
    description: input.description,
    runtime: input.runtime,
    platform,
    nodes,
    heartbeat: input.heartbeat && normalizeHeartbeat(input.heartbeat, nodes),
    corosync: input.corosync && {
      version: input.corosync.version,
      transport: input.corosync.transport ?? (input.corosync.version === 1 ? 'udpu' : 'knet'),
      mcastport: input.corosync.mcastport ?? 5405,
      ttl: input.corosync.ttl ?? 1,
      secauth: input.corosync.secauth ?? (input.corosync.version === 3 && (input.corosync.transport ?? 'knet') === 'knet'),
      interconnect: input.corosync.interconnect ?? [...interconnectNics][0] ?? nodes[0]?.nics[0]?.name ?? 'eth0',
      twoNode: input.corosync.twoNode ?? nodes.length === 2,
      logfile: input.corosync.logfile ?? (input.corosync.version === 1 ? '/var/log/cluster/corosync.log' : profile.corosyncLogfile),
      debug: input.corosync.debug ?? false,
      toSyslog: input.corosync.toSyslog ?? true,
      timestamp: input.corosync.timestamp ?? true,
      tokenMs: ms(input.corosync.token),
      path: 'corosync',
    },
    pacemaker: input.pacemaker && {
      messaging: input.pacemaker.messaging,
      syntax: input.pacemaker.syntax ?? profile.pacemakerSyntax,
      haCf: input.pacemaker.haCf ?? 'pacemaker on',
      format: input.pacemaker.format ?? 'crmsh',
    },
    auth: input.auth,
    resources: (input.resources ?? []).map((entry, i) => normalizeEntry(entry as unknown as PrimitiveInput, `resources[${i}]`, platform)),
    constraints: (input.constraints ?? []).map((c, i) => normalizeConstraint(c, `constraints[${i}]`)),
    properties: input.properties ?? {},
    drbd: (input.drbd ?? []).map((d, i) => normalizeDrbd(d, `drbd[${i}]`, nodes, profile.drbdVersion)),
    vrrp: (input.vrrp ?? []).map((v, i) => normalizeVrrp(v, `vrrp[${i}]`)),
    keepalived: {
      notificationEmail: input.keepalived?.notificationEmail ?? [],
      notificationEmailFrom: input.keepalived?.notificationEmailFrom,
      smtpServer: input.keepalived?.smtpServer,
      smtpConnectTimeout: input.keepalived?.smtpConnectTimeout,
      routerId: input.keepalived?.routerId,
      maxVips: input.keepalived?.maxVips ?? profile.keepalivedMaxVips,
      scripts: Object.entries(input.keepalived?.scripts ?? {}).map(([name, s]) => ({
        name,
        script: s.script,
        intervalMs: ms(s.interval) ?? 2000,
        weight: s.weight,
        fall: s.fall,
        rise: s.rise,
        user: s.user,
        path: `keepalived.scripts.${name}`,
      })),
    },
    firewall: {
      implied: input.firewall?.implied ?? true,
      defaultPolicy: input.firewall?.defaultPolicy ?? 'REJECT',
      rules: (input.firewall?.rules ?? []).map((r) => ({ ...r, chain: r.chain ?? 'INPUT', action: r.action ?? 'ACCEPT' })),
    },
    hosts: input.hosts,
    users: (input.users ?? []).map((u, i) => ({ ...u, path: `users[${i}]` })),
    files: (input.files ?? []).map((f, i) => ({ ...f, target: f.path, mode: f.mode ?? '0644', path: `files[${i}]` })),
    vagrant: input.vagrant,
    agent: input.agent ?? {},
  };
}

function interconnectNicNames(input: Input): Set<string> {
  const names = new Set<string>();
  const ic = input.heartbeat?.interconnect;
  for (const link of Array.isArray(ic) ? ic : ic ? [ic] : []) names.add(link.nic);
  if (input.corosync?.interconnect) names.add(input.corosync.interconnect);
  return names;
}

function normalizeHeartbeat(hb: NonNullable<Input['heartbeat']>, nodes: NodeModel[]): HeartbeatModel {
  const links = Array.isArray(hb.interconnect) ? hb.interconnect : [hb.interconnect];
  const keepaliveMs = ms(hb.keepalive) ?? 2000;
  const deadtimeMs = ms(hb.deadtime) ?? keepaliveMs * 15;
  return {
    links: links.map((link, i) => normalizeLink(link, Array.isArray(hb.interconnect) ? `heartbeat.interconnect[${i}]` : 'heartbeat.interconnect', nodes)),
    keepaliveMs,
    warntimeMs: ms(hb.warntime) ?? keepaliveMs * 5,
    deadtimeMs,
    deadpingMs: ms(hb.deadping),
    initdeadMs: ms(hb.initdead) ?? deadtimeMs * 4,
    autoFailback: hb.autoFailback ?? false,
    watchdog: hb.watchdog === false ? undefined : hb.watchdog,
    ping: hb.ping ?? [],
    pingd: hb.pingd && {
      multiplier: hb.pingd.multiplier ?? 100,
      dampenMs: ms(hb.pingd.dampen) ?? 5000,
      attribute: hb.pingd.attribute ?? 'default_ping_set',
    },
    logfile: hb.logfile,
    logfacility: hb.logfacility,
    debug: hb.debug,
    respawn: hb.respawn ?? [],
    apiauth: hb.apiauth ?? [],
    ifcheckd: hb.ifcheckd ?? false,
    path: 'heartbeat',
  };
}

function normalizeLink(
  link: Extract<NonNullable<Input['heartbeat']>['interconnect'], { nic: string }>,
  path: string,
  nodes: NodeModel[],
): LinkModel {
  const addressOf = (node: NodeModel) => node.nics.find((n) => n.name === link.nic)?.address;
  const targets: Record<string, string[]> = {};
  for (const node of nodes) {
    const explicit = link.peers?.[node.name];
    if (explicit) targets[node.name] = [explicit];
    else {
      const others = link.ucastTargets === 'all' ? nodes : nodes.filter((n) => n !== node);
      targets[node.name] = others.map(addressOf).filter((a): a is string => a !== undefined);
    }
  }
  return {
    nic: link.nic,
    mode: link.mode ?? 'ucast',
    port: link.port ?? 694,
    group: link.group,
    ttl: link.ttl ?? 1,
    targets,
    explicitPeers: link.peers ?? {},
    path,
  };
}

const defaultNames: Record<string, (value: unknown) => string> = {
  vip: (v) => `vip_${String(v).split('/')[0]!.replace(/\./g, '_')}`,
  service: (v) => String(v),
  lsb: (v) => String(v),
  systemd: (v) => String(v).replace(/\.service$/, ''),
  ocf: (v) => String(v).split(':')[1]!,
  apache: () => 'httpd',
  tomcat: () => 'tomcat',
  exec: () => 'exec',
  drbd: (v) => `drbd_${String(v)}`,
  filesystem: (v) => `fs_${(v as { directory: string }).directory.replace(/^\//, '').replace(/[^A-Za-z0-9]+/g, '_') || 'root'}`,
};

function normalizeEntry(entry: PrimitiveInput, path: string, platform: ClusterModel['platform']): ResourceModel {
  if (typeof entry.group === 'string') {
    const g = entry as unknown as {
      group: string;
      members: PrimitiveInput[];
      preferred?: string;
      score?: GroupModel['score'];
      migrationThreshold?: number;
      failureTimeout?: string | number;
      notify?: GroupModel['notify'];
    };
    return {
      kind: 'group',
      name: g.group,
      path,
      members: g.members.map((m, i) => ({ ...normalizePrimitive(m, `${path}.members[${i}]`, platform), group: g.group })),
      preferred: g.preferred,
      score: g.score ?? 100,
      migrationThreshold: g.migrationThreshold,
      failureTimeoutMs: ms(g.failureTimeout),
      notify: g.notify ?? {},
    };
  }
  return normalizePrimitive(entry, path, platform);
}

function op(name: OpModel['name'], input: OpInput | undefined): OpModel | undefined {
  if (!input) return undefined;
  return { name, intervalMs: ms(input.interval) ?? 0, timeoutMs: ms(input.timeout), onFail: input.onFail };
}

function normalizePrimitive(entry: PrimitiveInput, path: string, platform: ClusterModel['platform']): PrimitiveModel {
  const kind = primitiveKinds.find((k) => k in entry)!;
  const value = entry[kind] as unknown;
  const raw = entry as Record<string, unknown>;
  const monitorInput = raw.monitor as (OpInput & Omit<MonitorModel, 'name' | 'intervalMs' | 'timeoutMs' | 'onFail' | 'check'> & { kind?: MonitorModel['check'] }) | undefined;
  const monitor: MonitorModel | undefined = monitorInput && {
    name: 'monitor',
    intervalMs: ms(monitorInput.interval) ?? 10_000,
    timeoutMs: ms(monitorInput.timeout),
    onFail: monitorInput.onFail,
    check: monitorInput.kind,
    port: monitorInput.port,
    url: monitorInput.url,
    pidfile: monitorInput.pidfile,
    command: monitorInput.command,
  };
  const ops = [
    op('start', raw.start as OpInput | undefined),
    monitor,
    op('stop', raw.stop as OpInput | undefined),
    op('promote', raw.promote as OpInput | undefined),
    op('demote', raw.demote as OpInput | undefined),
  ].filter((o): o is OpModel => o !== undefined);
  const base = {
    name: (raw.name as string | undefined) ?? defaultNames[kind]!(value),
    path,
    ops,
    monitor,
    migrationThreshold: raw.migrationThreshold as number | undefined,
    failureTimeoutMs: ms(raw.failureTimeout as string | number | undefined),
    meta: (raw.meta as Record<string, string | number | boolean> | undefined) ?? {},
  };
  switch (kind) {
    case 'vip': {
      const { address, prefix } = parseCidr(value as string);
      return { ...base, kind, ip: address, prefix, nic: raw.nic as string | undefined };
    }
    case 'service':
      return { ...base, kind, service: value as string };
    case 'lsb':
      return { ...base, kind, script: value as string };
    case 'systemd':
      return { ...base, kind, unit: value as string };
    case 'ocf': {
      const [provider = '', type = ''] = (value as string).split(':');
      return { ...base, kind, provider, type, params: (raw.params as Record<string, string | number | boolean>) ?? {} };
    }
    case 'apache': {
      const a = value as { configfile: string; statusurl: string; documentRoot?: string; indexHtml?: boolean; proxies?: { location: string; pass: string }[]; port?: number };
      return {
        ...base,
        kind,
        configfile: a.configfile,
        statusurl: a.statusurl,
        documentRoot: a.documentRoot ?? platformProfile(platform).documentRoot,
        indexHtml: a.indexHtml ?? false,
        proxies: a.proxies ?? [],
        port: a.port ?? 80,
      };
    }
    case 'tomcat': {
      const t = value as { javaHome: string; catalinaHome: string; user: string; statusurl: string; ports?: number[]; initScript?: boolean };
      return { ...base, kind, javaHome: t.javaHome, catalinaHome: t.catalinaHome, user: t.user, statusurl: t.statusurl, ports: t.ports ?? [8080, 8009], initScript: t.initScript ?? false };
    }
    case 'exec': {
      const e = value as { run?: string; start?: string; stop?: string; status?: string; initScript?: boolean; ports?: number[] };
      return { ...base, kind, run: e.run, start: e.start, stop: e.stop, status: e.status, initScript: e.initScript ?? false, ports: e.ports ?? [] };
    }
    case 'drbd': {
      const master = raw.master as { name?: string; preferred?: string; score?: GroupModel['score'] } | undefined;
      return {
        ...base,
        kind,
        resource: value as string,
        master: { name: master?.name ?? `ms_${value as string}`, preferred: master?.preferred, score: master?.score ?? 100 },
      };
    }
    case 'filesystem': {
      const f = value as { device: string; directory: string; fstype: string; options?: string };
      return { ...base, kind, device: f.device, directory: f.directory, fstype: f.fstype, options: f.options };
    }
  }
}

function normalizeConstraint(c: NonNullable<Input['constraints']>[number], path: string): ConstraintModel {
  if ('location' in c) {
    const l = c.location;
    return { type: 'location', id: c.id ?? `loc_${l.rsc}_${l.node}`, rsc: l.rsc, node: l.node, score: l.score ?? 100, role: l.role, path };
  }
  if ('colocation' in c) {
    const k = c.colocation;
    return { type: 'colocation', id: c.id ?? `col_${k.rsc}_${k.with}`, rsc: k.rsc, with: k.with, withRole: k.withRole, score: k.score ?? 'INFINITY', path };
  }
  const o = c.order;
  return {
    type: 'order',
    id: c.id ?? `ord_${o.first}_${o.then}`,
    first: o.first,
    firstAction: o.firstAction ?? 'start',
    then: o.then,
    thenAction: o.thenAction ?? 'start',
    kind: o.kind ?? 'Mandatory',
    path,
  };
}

function normalizeDrbd(d: NonNullable<Input['drbd']>[number], path: string, nodes: NodeModel[], version: DrbdModel['version']): DrbdModel {
  return {
    name: d.name,
    version: d.version ?? version,
    protocol: d.protocol ?? 'C',
    port: d.port ?? 7789,
    syncerRate: d.syncerRate,
    onIoError: d.onIoError,
    hosts: Object.entries(d.nodes).map(([node, h]) => ({
      node,
      device: h.device,
      disk: h.disk,
      address: h.address ?? nodes.find((n) => n.name === node)?.nics.find((nic) => nic.role !== 'service')?.address ?? '',
      metaDisk: h.metaDisk ?? 'internal',
      path: `${path}.nodes.${node}`,
    })),
    path,
  };
}

function normalizeVrrp(v: NonNullable<Input['vrrp']>[number], path: string): VrrpModel {
  return {
    name: v.name,
    interface: v.interface,
    vrid: v.vrid,
    version: v.version ?? 2,
    advertIntMs: ms(v.advertInt) ?? 1000,
    auth: v.auth,
    nodes: Object.entries(v.nodes).map(([node, n]) => ({
      node,
      state: n.state,
      priority: n.priority,
      interface: n.interface ?? v.interface,
      path: `${path}.nodes.${node}`,
    })),
    vips: v.vips,
    excludedVips: v.excludedVips ?? [],
    notify: v.notify ?? {},
    track: v.track ?? [],
    nopreempt: v.nopreempt ?? false,
    unicast: v.unicast ?? false,
    garpMasterDelayMs: ms(v.garpMasterDelay),
    path,
  };
}

/** Every primitive, group members included, in stack order. */
export function allPrimitives(model: Pick<ClusterModel, 'resources'>): PrimitiveModel[] {
  return model.resources.flatMap((r) => (r.kind === 'group' ? r.members : [r]));
}

/** VIPs of an instance split the way keepalived on this platform needs them. */
export function splitVrrpVips(vrrp: VrrpModel, maxVips: number | undefined): { vips: string[]; excluded: string[] } {
  if (maxVips === undefined || vrrp.vips.length <= maxVips) return { vips: vrrp.vips, excluded: vrrp.excludedVips };
  return { vips: vrrp.vips.slice(0, maxVips), excluded: [...vrrp.vips.slice(maxVips), ...vrrp.excludedVips] };
}
