import type {
  ApacheConfig,
  ApacheResource,
  DrbdResource,
  ExecConfig,
  ExecResource,
  FilesystemConfig,
  FilesystemResource,
  GroupResource,
  Ipv4Cidr,
  LsbResource,
  OcfResource,
  Primitive,
  ServiceResource,
  SystemdResource,
  TomcatConfig,
  TomcatResource,
  VipResource,
} from './types.js';

type OpName = 'start' | 'stop' | 'monitor';

/** A resource's operations, grouped as crm lists them (`op start ... op monitor ... op stop ...`). */
export type Ops = Pick<ServiceResource, OpName>;
/** The operations of a DRBD resource, with promote and demote. */
export type DrbdOps = Pick<DrbdResource, OpName | 'promote' | 'demote'>;

/** What every resource builder takes besides its kind: name, meta, thresholds, and `ops`. */
export type ResourceOptions<R, Kind extends keyof R, O = Ops> = Omit<R, Kind | keyof O> & {
  /** The operations: `{ start: {...}, monitor: {...}, stop: {...} }` (crm `op NAME ...` lines) */
  ops?: O;
};

/** The plain model entry: the kind key, then the options with `ops` spread into start/monitor/stop. */
function entry<R>(kind: Partial<R>, options: { ops?: object } & object): R {
  const { ops, ...rest } = options;
  return { ...kind, ...rest, ...ops } as R;
}

/**
 * A floating address (ocf:heartbeat:IPaddr2), on a NIC of the stack's nodes.
 *
 * @example vip('10.0.0.100/24', 'eth0', { name: 'vip_web', ops: { monitor: { interval: '10s' } } })
 */
export function vip<const Nic extends string = never>(address: Ipv4Cidr, nic?: Nic, options: ResourceOptions<VipResource, 'vip' | 'nic'> = {}): VipResource<Nic> {
  return entry<VipResource<Nic>>({ vip: address, ...(nic === undefined ? {} : { nic }) }, options);
}

/**
 * An OS service started through the platform's init system (lsb on centos6, systemd on debian12).
 *
 * @example service('memcached', { ops: { monitor: { kind: 'memcached', port: 11211, interval: '40s' } } })
 */
export function service(name: string, options: ResourceOptions<ServiceResource, 'service'> = {}): ServiceResource {
  return entry<ServiceResource>({ service: name }, options);
}

/**
 * An LSB init script in /etc/init.d (crm `lsb:NAME`).
 *
 * @example lsb('smb', { ops: { monitor: { interval: '15s', timeout: '15s' } } })
 */
export function lsb(script: string, options: ResourceOptions<LsbResource, 'lsb'> = {}): LsbResource {
  return entry<LsbResource>({ lsb: script }, options);
}

/**
 * A systemd unit (crm `systemd:UNIT`).
 *
 * @example systemd('nginx')
 */
export function systemd(unit: string, options: ResourceOptions<SystemdResource, 'systemd'> = {}): SystemdResource {
  return entry<SystemdResource>({ systemd: unit }, options);
}

/**
 * Any OCF resource agent, by PROVIDER:TYPE, with its instance attributes in `params`.
 *
 * @example ocf('heartbeat:Dummy', { name: 'dummy', params: { state: '/run/dummy.state' } })
 */
export function ocf(agent: `${string}:${string}`, options: ResourceOptions<OcfResource, 'ocf'> = {}): OcfResource {
  return entry<OcfResource>({ ocf: agent }, options);
}

type AgentClass = `ocf:${string}:${string}` | `lsb:${string}` | `systemd:${string}` | `service:${string}`;
type PrimitiveOf<A extends AgentClass> = A extends `ocf:${string}`
  ? OcfResource
  : A extends `lsb:${string}`
    ? LsbResource
    : A extends `systemd:${string}`
      ? SystemdResource
      : ServiceResource;
/** The options of `primitive`: `params` only for an OCF agent. */
type PrimitiveOptions<A extends AgentClass> = A extends `ocf:${string}` ? ResourceOptions<OcfResource, 'ocf' | 'name'> : ResourceOptions<ServiceResource, 'service' | 'name'>;

/**
 * A resource written as crm writes it: `primitive NAME CLASS:[PROVIDER:]TYPE params ... op ...`. Any OCF, LSB,
 * systemd or service agent; `params` only for OCF.
 *
 * @example primitive('nmb', 'lsb:nmb', { ops: { monitor: { interval: '15s' } } })
 */
export function primitive<const A extends AgentClass>(
  name: string,
  agent: A,
  options?: PrimitiveOptions<A>,
): PrimitiveOf<A> {
  const [cls, ...rest] = agent.split(':');
  return entry<PrimitiveOf<A>>({ [cls!]: rest.join(':'), name } as Partial<PrimitiveOf<A>>, options ?? {});
}

/**
 * Apache httpd (ocf:heartbeat:apache).
 *
 * @example apache({ configfile: '/etc/httpd/conf/httpd.conf', statusurl: 'http://10.0.0.100/', indexHtml: true }, { name: 'httpd' })
 */
export function apache(config: ApacheConfig, options: ResourceOptions<ApacheResource, 'apache'> = {}): ApacheResource {
  return entry<ApacheResource>({ apache: config }, options);
}

/**
 * Apache Tomcat (ocf:heartbeat:tomcat).
 *
 * @example tomcat({ javaHome: '/usr', catalinaHome: '/usr/local/tomcat', user: 'tomcat', statusurl: 'http://10.0.0.102:8080/' })
 */
export function tomcat(config: TomcatConfig, options: ResourceOptions<TomcatResource, 'tomcat'> = {}): TomcatResource {
  return entry<TomcatResource>({ tomcat: config }, options);
}

/**
 * A service given as commands: run (supervised by the agent) or start/stop/status. `run` is a foreground process
 * the bundled agent supervises; start/stop/status become an LSB script for the other runtimes.
 *
 * @example exec({ run: 'python3 -m http.server 8080', ports: [8080] }, { name: 'hello' })
 */
export function exec(commands: ExecConfig, options: ResourceOptions<ExecResource, 'exec'> = {}): ExecResource {
  return entry<ExecResource>({ exec: commands }, options);
}

/**
 * A DRBD resource run as master/slave (promotable clone): the resource is declared under `drbd:` (see
 * `drbdResource`), and promoted where `master.preferred` says.
 *
 * @example drbd('drbd0', { name: 'drbd0', master: { name: 'ms-drbd0', preferred: 'host_m' } })
 */
export function drbd<const N extends string = never>(resource: string, options: ResourceOptions<DrbdResource<N>, 'drbd', DrbdOps> = {}): DrbdResource<N> {
  return entry<DrbdResource<N>>({ drbd: resource }, options);
}

/**
 * A filesystem mount (ocf:heartbeat:Filesystem).
 *
 * @example filesystem({ device: '/dev/drbd0', directory: '/drbd', fstype: 'ext3' }, { name: 'fs0' })
 */
export function filesystem(mount: FilesystemConfig, options: ResourceOptions<FilesystemResource, 'filesystem'> = {}): FilesystemResource {
  return entry<FilesystemResource>({ filesystem: mount }, options);
}

/**
 * Resources started in order and stopped in reverse on one node (crm `group NAME MEMBER...`, a haresources line).
 *
 * @example group('web', [vip('10.0.0.100/24', 'eth0'), service('httpd')], { preferred: 'web1' })
 */
export function group<const N extends string = never, const Nic extends string = never>(
  name: string,
  members: Primitive<N, Nic>[],
  options: Omit<GroupResource<N, Nic>, 'group' | 'members'> = {},
): GroupResource<N, Nic> {
  return { group: name, members, ...options } as GroupResource<N, Nic>;
}
