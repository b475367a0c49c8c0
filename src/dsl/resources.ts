import type {
  AbsPath,
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

/**
 * What every resource builder takes besides its kind: name, meta, thresholds, and `ops`. The builders keep the name
 * they are given (and the values names are derived from) as literal types, for `defineCluster` to check constraints
 * against. Their return types say `NoInfer` where a type parameter has a default: a builder called inside
 * `defineCluster` or `group` would otherwise take the names from what the call's context expects (any string)
 * instead of from its own arguments.
 */
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
export function vip<const A extends Ipv4Cidr, const Nic extends string = never, const Name extends string = never>(
  address: A,
  nic?: Nic,
  options: ResourceOptions<VipResource<never, Name>, 'vip' | 'nic'> = {},
): VipResource<NoInfer<Nic>, NoInfer<Name>, A> {
  return entry<VipResource<Nic, Name, A>>({ vip: address, ...(nic === undefined ? {} : { nic }) }, options);
}

/**
 * An OS service started through the platform's init system (lsb on centos6, systemd on debian12).
 *
 * @example service('memcached', { ops: { monitor: { kind: 'memcached', port: 11211, interval: '40s' } } })
 */
export function service<const S extends string, const Name extends string = never>(
  name: S,
  options: ResourceOptions<ServiceResource<Name>, 'service'> = {},
): ServiceResource<S | NoInfer<Name>> {
  return entry<ServiceResource<S | Name>>({ service: name }, options);
}

/**
 * An LSB init script in /etc/init.d (crm `lsb:NAME`).
 *
 * @example lsb('smb', { ops: { monitor: { interval: '15s', timeout: '15s' } } })
 */
export function lsb<const S extends string, const Name extends string = never>(script: S, options: ResourceOptions<LsbResource<Name>, 'lsb'> = {}): LsbResource<S | NoInfer<Name>> {
  return entry<LsbResource<S | Name>>({ lsb: script }, options);
}

/**
 * A systemd unit (crm `systemd:UNIT`).
 *
 * @example systemd('nginx')
 */
export function systemd<const U extends string, const Name extends string = never>(
  unit: U,
  options: ResourceOptions<SystemdResource<Name>, 'systemd'> = {},
): SystemdResource<NoInfer<Name>, U> {
  return entry<SystemdResource<Name, U>>({ systemd: unit }, options);
}

/**
 * Any OCF resource agent, by PROVIDER:TYPE, with its instance attributes in `params`.
 *
 * @example ocf('heartbeat:Dummy', { name: 'dummy', params: { state: '/run/dummy.state' } })
 */
export function ocf<const A extends `${string}:${string}`, const Name extends string = never>(
  agent: A,
  options: ResourceOptions<OcfResource<Name>, 'ocf'> = {},
): OcfResource<NoInfer<Name>, A> {
  return entry<OcfResource<Name, A>>({ ocf: agent }, options);
}

type AgentClass = `ocf:${string}:${string}` | `lsb:${string}` | `systemd:${string}` | `service:${string}`;
/** The resource `primitive(name, agent)` builds, keeping the name and the agent's parts as literal types. */
type PrimitiveOf<A extends AgentClass, Name extends string> = A extends `ocf:${infer Agent extends `${string}:${string}`}`
  ? OcfResource<Name, Agent>
  : A extends `lsb:${infer Script}`
    ? LsbResource<Name | Script>
    : A extends `systemd:${infer Unit}`
      ? SystemdResource<Name, Unit>
      : A extends `service:${infer Service}`
        ? ServiceResource<Name | Service>
        : never;
/** The options of `primitive`: `params` only for an OCF agent. */
type PrimitiveOptions<A extends AgentClass> = A extends `ocf:${string}` ? ResourceOptions<OcfResource, 'ocf' | 'name'> : ResourceOptions<ServiceResource, 'service' | 'name'>;

/**
 * A resource written as crm writes it: `primitive NAME CLASS:[PROVIDER:]TYPE params ... op ...`. Any OCF, LSB,
 * systemd or service agent; `params` only for OCF.
 *
 * @example primitive('nmb', 'lsb:nmb', { ops: { monitor: { interval: '15s' } } })
 */
export function primitive<const Name extends string, const A extends AgentClass>(name: Name, agent: A, options?: PrimitiveOptions<A>): PrimitiveOf<A, Name> {
  const [cls, ...rest] = agent.split(':');
  return entry<PrimitiveOf<A, Name>>({ [cls!]: rest.join(':'), name } as Partial<PrimitiveOf<A, Name>>, options ?? {});
}

/**
 * A resource written as crm writes it: the same as `primitive` (`primitive NAME CLASS:[PROVIDER:]TYPE params ...
 * op ...`), under the name other tools give it.
 *
 * @example resource('dummy', 'ocf:heartbeat:Dummy', { params: { state: '/run/dummy.state' } })
 */
export function resource<const Name extends string, const A extends AgentClass>(name: Name, agent: A, options?: PrimitiveOptions<A>): PrimitiveOf<A, Name> {
  return primitive(name, agent, options);
}

/**
 * Apache httpd (ocf:heartbeat:apache).
 *
 * @example apache({ configfile: '/etc/httpd/conf/httpd.conf', statusurl: 'http://10.0.0.100/', indexHtml: true }, { name: 'httpd' })
 */
export function apache<const Name extends string = never>(config: ApacheConfig, options: ResourceOptions<ApacheResource<Name>, 'apache'> = {}): ApacheResource<NoInfer<Name>> {
  return entry<ApacheResource<Name>>({ apache: config }, options);
}

/**
 * Apache Tomcat (ocf:heartbeat:tomcat).
 *
 * @example tomcat({ javaHome: '/usr', catalinaHome: '/usr/local/tomcat', user: 'tomcat', statusurl: 'http://10.0.0.102:8080/' })
 */
export function tomcat<const Name extends string = never>(config: TomcatConfig, options: ResourceOptions<TomcatResource<Name>, 'tomcat'> = {}): TomcatResource<NoInfer<Name>> {
  return entry<TomcatResource<Name>>({ tomcat: config }, options);
}

/**
 * A service given as commands: run (supervised by the agent) or start/stop/status. `run` is a foreground process
 * the bundled agent supervises; start/stop/status become an LSB script for the other runtimes.
 *
 * @example exec({ run: 'python3 -m http.server 8080', ports: [8080] }, { name: 'hello' })
 */
export function exec<const Name extends string = never>(commands: ExecConfig, options: ResourceOptions<ExecResource<Name>, 'exec'> = {}): ExecResource<NoInfer<Name>> {
  return entry<ExecResource<Name>>({ exec: commands }, options);
}

/**
 * A DRBD resource run as master/slave (promotable clone): the resource is declared under `drbd:` (see
 * `drbdResource`), and promoted where `master.preferred` says.
 *
 * @example drbd('drbd0', { name: 'drbd0', master: { name: 'ms-drbd0', preferred: 'host_m' } })
 */
export function drbd<const R extends string, const N extends string = never, const Name extends string = never>(
  resource: R,
  options: ResourceOptions<DrbdResource<N, Name>, 'drbd', DrbdOps> = {},
): DrbdResource<NoInfer<N>, NoInfer<Name>, R> {
  return entry<DrbdResource<N, Name, R>>({ drbd: resource }, options);
}

/**
 * A filesystem mount (ocf:heartbeat:Filesystem).
 *
 * @example filesystem({ device: '/dev/drbd0', directory: '/drbd', fstype: 'ext3' }, { name: 'fs0' })
 */
export function filesystem<const M extends AbsPath, const Name extends string = never>(
  mount: FilesystemConfig<M>,
  options: ResourceOptions<FilesystemResource<Name>, 'filesystem'> = {},
): FilesystemResource<NoInfer<Name>, M> {
  return entry<FilesystemResource<Name, M>>({ filesystem: mount }, options);
}

/**
 * Resources started in order and stopped in reverse on one node (crm `group NAME MEMBER...`, a haresources line).
 *
 * @example group('web', [vip('10.0.0.100/24', 'eth0'), service('httpd')], { preferred: 'web1' })
 */
export function group<
  const G extends string,
  const N extends string = never,
  const Nic extends string = never,
  const Name extends string = never,
  const VipCidr extends Ipv4Cidr = never,
  const Unit extends string = never,
  const OcfAgent extends `${string}:${string}` = never,
  const DrbdName extends string = never,
  const MountPoint extends AbsPath = never,
>(
  name: G,
  members: Primitive<N, Nic, Name, VipCidr, Unit, OcfAgent, DrbdName, MountPoint>[],
  options: Omit<GroupResource<N, Nic>, 'group' | 'members'> = {},
): GroupResource<NoInfer<N>, NoInfer<Nic>, G | NoInfer<Name>, NoInfer<VipCidr>, NoInfer<Unit>, NoInfer<OcfAgent>, NoInfer<DrbdName>, NoInfer<MountPoint>> {
  return { group: name, members, ...options } as GroupResource<N, Nic, G | Name, VipCidr, Unit, OcfAgent, DrbdName, MountPoint>;
}
