// Generated from the TypeBox model in src/model/ by `npm run schema`; do not edit (test/dsl/types-drift.test.ts).

/** A duration: "500ms", "2s", "1m", "1h", or a number of seconds. */
export type Duration = `${number}ms` | `${number}s` | `${number}m` | `${number}h` | number;
/** An IPv4 address in dotted-quad form */
export type Ipv4 = `${number}.${number}.${number}.${number}`;
/** An IPv4 address with prefix length, e.g. 172.16.0.2/24 */
export type Ipv4Cidr = `${Ipv4}/${number}`;
/** An absolute path without . or .. segments, empty segments or control characters */
export type AbsPath = `/${string}`;
/** The keys of a union's other kinds, which an entry of one kind must not have: `{ service: 'a', lsb: 'b' }` does not compile. */
export type Without<K extends string> = { [P in K]?: never };

/** A Linux high-availability cluster: nodes, interconnect, resources and the runtime that runs them */
export interface Cluster<N extends string = string, Nic extends string = string, NodeName extends string = string, NicName extends string = string, Rsc extends string = string, Script extends string = string, ScriptName extends string = string, RscName extends string = string, VipCidr extends Ipv4Cidr = Ipv4Cidr, Unit extends string = string, OcfAgent extends `${string}:${string}` = `${string}:${string}`, DrbdName extends string = string, MountPoint extends AbsPath = AbsPath> {
  /** The JSON Schema this file follows (for editors) */
  $schema?: string;
  /** The cluster name (corosync cluster_name, comments, the lab name) */
  cluster: string;
  /** What the cluster is for */
  description?: string;
  /** What runs the cluster: heartbeat v1 (haresources), Pacemaker, keepalived VRRP, or hactl’s bundled agent */
  runtime: "heartbeat" | "pacemaker" | "keepalived" | "agent";
  /** Paths and commands: centos6 (the seeds: yum, chkconfig, service) or debian12 (default: apt, systemctl) */
  platform?: "centos6" | "debian12";
  /** The cluster members by hostname */
  nodes: { [K in NodeName]: NodeSpec<NicName> };
  /** The heartbeat membership layer (ha.cf): for heartbeat, the agent and pacemaker on heartbeat */
  heartbeat?: Heartbeat<N, Nic>;
  /** The corosync membership layer (corosync.conf): for pacemaker on corosync */
  corosync?: Corosync<Nic>;
  /** The Pacemaker cluster manager */
  pacemaker?: Pacemaker;
  /** How cluster messages are signed (heartbeat authkeys, the agent) */
  auth?: Auth;
  /** Groups and resources */
  resources?: Resource<N, Nic, RscName, VipCidr, Unit, OcfAgent, DrbdName, MountPoint>[];
  /** location, colocation and order constraints */
  constraints?: Constraint<N, Rsc>[];
  /** Cluster properties (stonith-enabled, no-quorum-policy), on one crm property line */
  properties?: { [key: string]: string | number | boolean };
  /** DRBD resources (drbd.conf) */
  drbd?: DrbdConfig<N>[];
  /** VRRP instances (keepalived.conf) */
  vrrp?: VrrpInstance<N, Nic, Script>[];
  /** keepalived's global_defs and track scripts */
  keepalived?: Keepalived<ScriptName>;
  /** The iptables rules file of every node */
  firewall?: Firewall;
  /** Render /etc/hosts with every node */
  hosts?: Hosts;
  /** Users with pinned uids */
  users?: User[];
  /** Extra files (notify scripts, ...) */
  files?: File<N>[];
  /** The Vagrant machines of up --provider vagrant */
  vagrant?: Vagrant;
  /** hactl's bundled agent */
  agent?: Agent;
}

/** A cluster member; its name under nodes is its hostname (uname -n) */
export interface NodeSpec<Nic extends string = string> {
  /** The node's NICs by interface name (eth0: 10.0.0.11/24) */
  nics: { [K in Nic]?: Ipv4Cidr | NicSpec };
  /** How plan and apply reach the node over SSH */
  ssh?: Ssh;
  /** Vagrant port forwards (e.g. ssh of two machines on host ports 2122 and 2222) */
  forwardedPorts?: {
    /** The name Vagrant gives the forward (ssh replaces its default SSH forward) */
    id?: string;
    /** The port inside the VM */
    guest: number;
    /** The port on the host */
    host: number;
  }[];
}

/** A NIC with its role or gateway */
export interface NicSpec {
  /** The node's address on this NIC, with prefix, e.g. 10.0.0.11/24 */
  address: Ipv4Cidr;
  /** What the NIC carries: service traffic, heartbeats, or both (default: interconnect when a heartbeat link names it) */
  role?: "service" | "interconnect" | "both";
  /** The default gateway reached through this NIC */
  gateway?: Ipv4;
}

/** How plan and apply reach the node over SSH */
export interface Ssh {
  /** The host name or address plan and apply connect to */
  host: string;
  /** The SSH port (default 22) */
  port?: number;
  /** The login user (default: root) */
  user?: string;
  /** The private key file (~ is your home directory) */
  identityFile?: string;
  /** Run the commands that need root through sudo */
  sudo?: boolean;
}

/** The heartbeat membership layer (ha.cf): for heartbeat, the agent and pacemaker on heartbeat */
export interface Heartbeat<N extends string = string, out Nic extends string = string> {
  /** The heartbeat link, or several (redundant rings) */
  interconnect: HeartbeatLink<N, Nic> | HeartbeatLink<N, Nic>[];
  /** How often a node sends a heartbeat (ha.cf keepalive, default 2s); a duration up to 10m ("2s", "500ms", or seconds) */
  keepalive?: Duration;
  /** Silence before a late-heartbeat warning (warntime, default 5 × keepalive); a duration up to 1h ("2s", "500ms", or seconds) */
  warntime?: Duration;
  /** Silence before a node is declared dead (deadtime, default 15 × keepalive); a duration up to 1h ("2s", "500ms", or seconds) */
  deadtime?: Duration;
  /** Silence before a ping node is declared dead (deadping); a duration up to 1h ("2s", "500ms", or seconds) */
  deadping?: Duration;
  /** deadtime right after start, while the network comes up (initdead, default 4 × deadtime); a duration up to 1h ("2s", "500ms", or seconds) */
  initdead?: Duration;
  /** Move resources back to their preferred node when it returns (auto_failback, default false) */
  autoFailback?: boolean;
  /** The watchdog device heartbeat feeds (ha.cf watchdog), or false for none */
  watchdog?: AbsPath | false;
  /** Ping nodes: addresses whose reachability counts (ha.cf ping) */
  ping?: Ipv4[];
  /** Run pingd (respawn) to turn ping reachability into a node attribute */
  pingd?: {
    /** Score per reachable ping node (-m, default 100) */
    multiplier?: number;
    /** Delay before a change is recorded (-d, default 5s); a duration up to 1h ("2s", "500ms", or seconds) */
    dampen?: Duration;
    /** The node attribute pingd sets (-a, default default_ping_set) */
    attribute?: string;
  };
  /** The log file (ha.cf logfile) */
  logfile?: AbsPath;
  /** The syslog facility (ha.cf logfacility: local0..local7, daemon, user, none) */
  logfacility?: string;
  /** The debug level (ha.cf debug) */
  debug?: number;
  /** Extra respawn lines */
  respawn?: {
    /** The user the program runs as */
    user: string;
    /** The program and its arguments */
    command: string;
  }[];
  /** apiauth lines, e.g. "ipfail gid=haclient uid=hacluster" */
  apiauth?: string[];
  /** respawn pm_extras ifcheckd (interconnect status in crm_mon) */
  ifcheckd?: boolean;
}

/** A heartbeat link (ha.cf ucast, bcast or mcast line) */
export interface HeartbeatLink<N extends string = string, out Nic extends string = string> {
  /** The NIC the heartbeats go out on */
  nic: Nic;
  /** ucast to each peer (default), bcast on the segment, or mcast to group */
  mode?: "ucast" | "bcast" | "mcast";
  /** The UDP port (udpport, default 694) */
  port?: number;
  /** The multicast group of an mcast link (224.0.0.0/4) */
  group?: Ipv4;
  /** The TTL of mcast packets (default 1) */
  ttl?: number;
  /** ucast target per node; defaults to the other node’s address on this NIC */
  peers?: { [K in N]?: Ipv4 };
  /** peers: each node lists the others (stacks/000-memcached-heartbeat.yaml); all: every node lists every address, heartbeat skips its own (stacks/001-web-pacemaker-heartbeat.yaml) */
  ucastTargets?: "peers" | "all";
}

/** The corosync membership layer (corosync.conf): for pacemaker on corosync */
export interface Corosync<out Nic extends string = string> {
  /** 1: the 1.x whitetank file (compatibility: whitetank, udpu members); 3: a nodelist with knet or udpu and votequorum */
  version: 1 | 3;
  /** udpu (unicast, default for version 1), udp (multicast) or knet (default for version 3) */
  transport?: "udpu" | "udp" | "knet";
  /** The totem port (default 5405) */
  mcastport?: number;
  /** The TTL of multicast packets (default 1) */
  ttl?: number;
  /** Encrypt and authenticate totem traffic (default on for knet) */
  secauth?: boolean;
  /** The NIC totem runs on (default: the first interconnect NIC) */
  interconnect?: Nic;
  /** votequorum two_node: 1 (default for two nodes) */
  twoNode?: boolean;
  /** The log file */
  logfile?: AbsPath;
  /** Debug logging */
  debug?: boolean;
  /** Log to syslog too (default true) */
  toSyslog?: boolean;
  /** Timestamps in the log (default true) */
  timestamp?: boolean;
  /** The totem token timeout; a duration up to 10m ("2s", "500ms", or seconds) */
  token?: Duration;
}

/** The Pacemaker cluster manager */
export interface Pacemaker {
  /** The membership layer Pacemaker runs on */
  messaging: "heartbeat" | "corosync";
  /** crm syntax: "1.0" as in the seeds (ms), or "2" (promotable clones) */
  syntax?: "1.0" | "2";
  /** How ha.cf starts Pacemaker on heartbeat (default pacemaker on) */
  haCf?: "pacemaker on" | "crm on";
  /** Render a crm configure script, a cib.xml, or both (default crmsh) */
  format?: "crmsh" | "cib" | "both";
}

/** How cluster messages are signed (heartbeat authkeys, the agent) */
export interface Auth {
  /** crc (checks nothing, warned), md5, sha1 (heartbeat) or sha256 (the bundled agent) */
  method: "crc" | "md5" | "sha1" | "sha256";
  /** Where the cluster key comes from: { env }, { file, generate } or (warned) { value } */
  keyFrom?: SecretRef;
}

/** Where a secret comes from: { env }, { file } or (warned) an inline { value } */
export type SecretRef = {
  /** The environment variable that holds the key when hactl runs */
  env: string;
  file?: never;
  value?: never;
} | {
  /** A file that holds the key, relative to the stack's directory */
  file: string;
  /** Create the file with a random key (mode 0600) when it is missing */
  generate?: boolean;
  env?: never;
  value?: never;
} | {
  /** Inline secret (warned: keep secrets out of stacks) */
  value: string;
  env?: never;
  file?: never;
};

/** A group or a resource */
export type Resource<N extends string = string, Nic extends string = string, RscName extends string = string, VipCidr extends Ipv4Cidr = Ipv4Cidr, Unit extends string = string, OcfAgent extends `${string}:${string}` = `${string}:${string}`, DrbdName extends string = string, MountPoint extends AbsPath = AbsPath> = GroupResource<N, Nic, RscName, VipCidr, Unit, OcfAgent, DrbdName, MountPoint> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | VipResource<Nic, RscName, VipCidr> & Without<"group" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | ServiceResource<RscName> & Without<"group" | "vip" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | LsbResource<RscName> & Without<"group" | "vip" | "service" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | SystemdResource<RscName, Unit> & Without<"group" | "vip" | "service" | "lsb" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | OcfResource<RscName, OcfAgent> & Without<"group" | "vip" | "service" | "lsb" | "systemd" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | ApacheResource<RscName> & Without<"group" | "vip" | "service" | "lsb" | "systemd" | "ocf" | "tomcat" | "exec" | "drbd" | "filesystem"> | TomcatResource<RscName> & Without<"group" | "vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "exec" | "drbd" | "filesystem"> | ExecResource<RscName> & Without<"group" | "vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "drbd" | "filesystem"> | DrbdResource<N, RscName, DrbdName> & Without<"group" | "vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "filesystem"> | FilesystemResource<RscName, MountPoint> & Without<"group" | "vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd">;

/** Resources started in order and stopped in reverse on one node */
export interface GroupResource<out N extends string = string, out Nic extends string = string, out RscName extends string = string, out VipCidr extends Ipv4Cidr = Ipv4Cidr, out Unit extends string = string, out OcfAgent extends `${string}:${string}` = `${string}:${string}`, out DrbdName extends string = string, out MountPoint extends AbsPath = AbsPath> {
  /** The group name (crm `group NAME ...`, a haresources line) */
  group: RscName;
  /** The resources, started in this order and stopped in reverse */
  members: (VipResource<Nic, RscName, VipCidr> & Without<"service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | ServiceResource<RscName> & Without<"vip" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | LsbResource<RscName> & Without<"vip" | "service" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | SystemdResource<RscName, Unit> & Without<"vip" | "service" | "lsb" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | OcfResource<RscName, OcfAgent> & Without<"vip" | "service" | "lsb" | "systemd" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | ApacheResource<RscName> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "tomcat" | "exec" | "drbd" | "filesystem"> | TomcatResource<RscName> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "exec" | "drbd" | "filesystem"> | ExecResource<RscName> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "drbd" | "filesystem"> | DrbdResource<N, RscName, DrbdName> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "filesystem"> | FilesystemResource<RscName, MountPoint> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd">)[];
  /** The node the group runs on when both can run it (haresources node, a location constraint) */
  preferred?: N;
  /** How strongly the preferred node is preferred (default 100) */
  score?: number | "INFINITY" | "-INFINITY";
  /** Failures on a node before the group leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Programs the bundled agent runs when the group changes state */
  notify?: {
    /** The program run when the group starts on this node */
    master?: AbsPath;
    /** The program run when the group leaves this node */
    backup?: AbsPath;
    /** The program run when the group fails on this node */
    fault?: AbsPath;
  };
}

/** A resource: exactly one of vip, service, lsb, systemd, ocf, apache, tomcat, exec, drbd, filesystem */
export type Primitive<N extends string = string, Nic extends string = string, RscName extends string = string, VipCidr extends Ipv4Cidr = Ipv4Cidr, Unit extends string = string, OcfAgent extends `${string}:${string}` = `${string}:${string}`, DrbdName extends string = string, MountPoint extends AbsPath = AbsPath> = VipResource<Nic, RscName, VipCidr> & Without<"service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | ServiceResource<RscName> & Without<"vip" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | LsbResource<RscName> & Without<"vip" | "service" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | SystemdResource<RscName, Unit> & Without<"vip" | "service" | "lsb" | "ocf" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | OcfResource<RscName, OcfAgent> & Without<"vip" | "service" | "lsb" | "systemd" | "apache" | "tomcat" | "exec" | "drbd" | "filesystem"> | ApacheResource<RscName> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "tomcat" | "exec" | "drbd" | "filesystem"> | TomcatResource<RscName> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "exec" | "drbd" | "filesystem"> | ExecResource<RscName> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "drbd" | "filesystem"> | DrbdResource<N, RscName, DrbdName> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "filesystem"> | FilesystemResource<RscName, MountPoint> & Without<"vip" | "service" | "lsb" | "systemd" | "ocf" | "apache" | "tomcat" | "exec" | "drbd">;

/** A floating address (ocf:heartbeat:IPaddr2) */
export interface VipResource<out Nic extends string = string, out RscName extends string = string, out VipCidr extends Ipv4Cidr = Ipv4Cidr> {
  /** The floating address with its prefix, e.g. 10.0.0.100/24 */
  vip: VipCidr;
  /** The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1) */
  name?: RscName;
  /** The start operation (crm `op start`) */
  start?: Op;
  /** The stop operation (crm `op stop`) */
  stop?: Op;
  /** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
  monitor?: MonitorOp;
  /** Failures on a node before the resource leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Meta attributes (crm `meta NAME=VALUE`) */
  meta?: { [key: string]: string | number | boolean };
  /** The NIC the address is added to (default: the NIC whose subnet holds it) */
  nic?: Nic;
}

/** A resource operation (crm `op NAME interval=... timeout=... on-fail=...`) */
export interface Op {
  /** How often the operation runs; 0s for start and stop; a duration up to 24h ("2s", "500ms", or seconds) */
  interval?: Duration;
  /** How long the operation may take before it counts as failed; a duration up to 24h ("2s", "500ms", or seconds) */
  timeout?: Duration;
  /** What to do when the operation fails */
  onFail?: "restart" | "block" | "stop" | "ignore" | "fence" | "standby";
}

/** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
export interface MonitorOp {
  /** How often the monitor checks the resource (default 10s); a duration up to 24h ("2s", "500ms", or seconds) */
  interval?: Duration;
  /** How long the operation may take before it counts as failed; a duration up to 24h ("2s", "500ms", or seconds) */
  timeout?: Duration;
  /** What to do when the operation fails */
  onFail?: "restart" | "block" | "stop" | "ignore" | "fence" | "standby";
  /** How the bundled agent or a generated monitor script checks the service */
  kind?: "memcached" | "http" | "tcp" | "process" | "script";
  /** The port a memcached or tcp check connects to */
  port?: number;
  /** The URL an http check fetches (a 2xx or 3xx answer passes) */
  url?: string;
  /** The pid file a process check reads */
  pidfile?: AbsPath;
  /** The shell command a script check runs (exit 0 passes) */
  command?: string;
}

/** An OS service started through the platform's init system (lsb on centos6, systemd on debian12) */
export interface ServiceResource<out RscName extends string = string> {
  /** The init name of the service (memcached, httpd) */
  service: RscName;
  /** The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1) */
  name?: RscName;
  /** The start operation (crm `op start`) */
  start?: Op;
  /** The stop operation (crm `op stop`) */
  stop?: Op;
  /** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
  monitor?: MonitorOp;
  /** Failures on a node before the resource leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Meta attributes (crm `meta NAME=VALUE`) */
  meta?: { [key: string]: string | number | boolean };
}

/** An LSB init script in /etc/init.d */
export interface LsbResource<out RscName extends string = string> {
  /** The script name in /etc/init.d */
  lsb: RscName;
  /** The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1) */
  name?: RscName;
  /** The start operation (crm `op start`) */
  start?: Op;
  /** The stop operation (crm `op stop`) */
  stop?: Op;
  /** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
  monitor?: MonitorOp;
  /** Failures on a node before the resource leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Meta attributes (crm `meta NAME=VALUE`) */
  meta?: { [key: string]: string | number | boolean };
}

/** A systemd unit */
export interface SystemdResource<out RscName extends string = string, out Unit extends string = string> {
  /** The unit name (nginx or nginx.service) */
  systemd: Unit;
  /** The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1) */
  name?: RscName;
  /** The start operation (crm `op start`) */
  start?: Op;
  /** The stop operation (crm `op stop`) */
  stop?: Op;
  /** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
  monitor?: MonitorOp;
  /** Failures on a node before the resource leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Meta attributes (crm `meta NAME=VALUE`) */
  meta?: { [key: string]: string | number | boolean };
}

/** Any OCF resource agent */
export interface OcfResource<out RscName extends string = string, out OcfAgent extends `${string}:${string}` = `${string}:${string}`> {
  /** PROVIDER:TYPE, e.g. heartbeat:IPaddr2 */
  ocf: OcfAgent;
  /** The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1) */
  name?: RscName;
  /** The start operation (crm `op start`) */
  start?: Op;
  /** The stop operation (crm `op stop`) */
  stop?: Op;
  /** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
  monitor?: MonitorOp;
  /** Failures on a node before the resource leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Meta attributes (crm `meta NAME=VALUE`) */
  meta?: { [key: string]: string | number | boolean };
  /** Instance attributes of the agent (crm `params NAME=VALUE`) */
  params?: { [key: string]: string | number | boolean };
}

/** Apache httpd (ocf:heartbeat:apache) */
export interface ApacheResource<out RscName extends string = string> {
  /** The Apache instance */
  apache: ApacheConfig;
  /** The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1) */
  name?: RscName;
  /** The start operation (crm `op start`) */
  start?: Op;
  /** The stop operation (crm `op stop`) */
  stop?: Op;
  /** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
  monitor?: MonitorOp;
  /** Failures on a node before the resource leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Meta attributes (crm `meta NAME=VALUE`) */
  meta?: { [key: string]: string | number | boolean };
}

/** The Apache instance */
export interface ApacheConfig {
  /** The httpd.conf the agent starts Apache with */
  configfile: AbsPath;
  /** The URL the agent monitors (http://...) */
  statusurl: string;
  /** Where the pages are (default: the platform’s document root) */
  documentRoot?: AbsPath;
  /** Render a dummy index.html into documentRoot (the apache agent monitor needs a page) */
  indexHtml?: boolean;
  /** ProxyPass lines rendered into a conf.d file (e.g. Tomcat behind AJP) */
  proxies?: {
    /** The URL path proxied, e.g. /app/ */
    location: AbsPath;
    /** Where it goes, e.g. ajp://10.0.0.2:8009/ */
    pass: string;
  }[];
  /** The port Apache listens on (default 80) */
  port?: number;
}

/** Apache Tomcat (ocf:heartbeat:tomcat) */
export interface TomcatResource<out RscName extends string = string> {
  /** The Tomcat instance */
  tomcat: TomcatConfig;
  /** The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1) */
  name?: RscName;
  /** The start operation (crm `op start`) */
  start?: Op;
  /** The stop operation (crm `op stop`) */
  stop?: Op;
  /** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
  monitor?: MonitorOp;
  /** Failures on a node before the resource leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Meta attributes (crm `meta NAME=VALUE`) */
  meta?: { [key: string]: string | number | boolean };
}

/** The Tomcat instance */
export interface TomcatConfig {
  /** JAVA_HOME (the directory, not the java binary) */
  javaHome: AbsPath;
  /** CATALINA_HOME, where Tomcat is installed */
  catalinaHome: AbsPath;
  /** The user Tomcat runs as */
  user: string;
  /** The URL the agent monitors (http://...) */
  statusurl: string;
  /** The ports Tomcat listens on (default 8080 and 8009), opened in the firewall */
  ports?: number[];
  /** Render the LSB init script /etc/init.d/tomcat */
  initScript?: boolean;
}

/** A service given as commands: run (supervised by the agent) or start/stop/status */
export interface ExecResource<out RscName extends string = string> {
  /** The commands */
  exec: ExecConfig;
  /** The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1) */
  name?: RscName;
  /** The start operation (crm `op start`) */
  start?: Op;
  /** The stop operation (crm `op stop`) */
  stop?: Op;
  /** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
  monitor?: MonitorOp;
  /** Failures on a node before the resource leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Meta attributes (crm `meta NAME=VALUE`) */
  meta?: { [key: string]: string | number | boolean };
}

/** The commands */
export interface ExecConfig {
  /** A foreground shell command the bundled agent supervises (agent runtime only) */
  run?: string;
  /** The shell command that starts the service, on one line */
  start?: string;
  /** The shell command that stops the service, on one line */
  stop?: string;
  /** A shell command on one line; exit 0 when running */
  status?: string;
  /** Wrap the commands in a rendered LSB init script /etc/init.d/NAME (the periodic job of stacks/004-job-corosync-pacemaker.yaml) */
  initScript?: boolean;
  /** The ports the service listens on, opened in the firewall */
  ports?: number[];
}

/** A DRBD resource run as master/slave (promotable clone) */
export interface DrbdResource<out N extends string = string, out RscName extends string = string, out DrbdName extends string = string> {
  /** The DRBD resource (a name under drbd:) */
  drbd: DrbdName;
  /** The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1) */
  name?: RscName;
  /** The start operation (crm `op start`) */
  start?: Op;
  /** The stop operation (crm `op stop`) */
  stop?: Op;
  /** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
  monitor?: MonitorOp;
  /** Failures on a node before the resource leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Meta attributes (crm `meta NAME=VALUE`) */
  meta?: { [key: string]: string | number | boolean };
  /** The promote operation (crm `op promote`) */
  promote?: Op;
  /** The demote operation (crm `op demote`) */
  demote?: Op;
  /** The master/slave (promotable clone) wrapper */
  master?: {
    /** The id of the master/slave resource (default ms_RESOURCE) */
    name?: RscName;
    /** The node where the resource is promoted when both can run it */
    preferred?: N;
    /** How strongly the preferred node is preferred (default 100) */
    score?: number | "INFINITY" | "-INFINITY";
  };
}

/** A filesystem mount (ocf:heartbeat:Filesystem) */
export interface FilesystemResource<out RscName extends string = string, out MountPoint extends AbsPath = AbsPath> {
  /** The mount */
  filesystem: FilesystemConfig<MountPoint>;
  /** The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1) */
  name?: RscName;
  /** The start operation (crm `op start`) */
  start?: Op;
  /** The stop operation (crm `op stop`) */
  stop?: Op;
  /** The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run */
  monitor?: MonitorOp;
  /** Failures on a node before the resource leaves it (migration-threshold) */
  migrationThreshold?: number;
  /** How long a failure counts against a node (failure-timeout); a duration up to 168h ("2s", "500ms", or seconds) */
  failureTimeout?: Duration;
  /** Meta attributes (crm `meta NAME=VALUE`) */
  meta?: { [key: string]: string | number | boolean };
}

/** The mount */
export interface FilesystemConfig<out MountPoint extends AbsPath = AbsPath> {
  /** The block device, e.g. /dev/drbd0 */
  device: AbsPath;
  /** The mount point */
  directory: MountPoint;
  /** The filesystem type (ext3, ext4, xfs) */
  fstype: string;
  /** Mount options (-o) */
  options?: string;
}

/** A constraint: exactly one of location, colocation, order */
export type Constraint<N extends string = string, Rsc extends string = string> = LocationConstraint<N, Rsc> | ColocationConstraint<Rsc> | OrderConstraint<Rsc>;

/** A location constraint */
export interface LocationConstraint<out N extends string = string, out Rsc extends string = string> {
  /** Where a resource prefers to run (crm location) */
  location: {
    /** The resource, group or master/slave placed */
    rsc: Rsc;
    /** The node */
    node: N;
    /** How strongly (default 100; -INFINITY: never there) */
    score?: number | "INFINITY" | "-INFINITY";
    /** Only for this role, e.g. master */
    role?: "master" | "slave" | "started";
  };
  /** The constraint id (derived when omitted) */
  id?: string;
  colocation?: never;
  order?: never;
}

/** A colocation constraint */
export interface ColocationConstraint<out Rsc extends string = string> {
  /** Which resources run together (crm colocation) */
  colocation: {
    /** The resource placed */
    rsc: Rsc;
    /** The resource it must run with */
    with: Rsc;
    /** The role of the other resource, e.g. master */
    withRole?: "master" | "slave" | "started";
    /** How strongly (default INFINITY) */
    score?: number | "INFINITY" | "-INFINITY";
  };
  /** The constraint id (derived when omitted) */
  id?: string;
  location?: never;
  order?: never;
}

/** An order constraint */
export interface OrderConstraint<out Rsc extends string = string> {
  /** In which order resources start (crm order) */
  order: {
    /** The resource acted on first */
    first: Rsc;
    /** Its action (default start) */
    firstAction?: "start" | "promote" | "demote" | "stop";
    /** The resource acted on after it */
    then: Rsc;
    /** Its action (default start) */
    thenAction?: "start" | "promote" | "demote" | "stop";
    /** The order kind (default Mandatory) */
    kind?: "Mandatory" | "Optional" | "Serialize";
  };
  /** The constraint id (derived when omitted) */
  id?: string;
  location?: never;
  colocation?: never;
}

/** A DRBD resource (drbd.conf) */
export interface DrbdConfig<N extends string = string> {
  /** The resource name (drbd.conf resource NAME) */
  name: string;
  /** The DRBD version (default: the platform’s) */
  version?: "8.4" | "9";
  /** The replication protocol: A, B or C (default C) */
  protocol?: string;
  /** The replication port (default 7789) */
  port?: number;
  /** The resync rate, e.g. 200M */
  syncerRate?: string;
  /** What a disk error does (on-io-error) */
  onIoError?: "pass_on" | "call-local-io-error" | "detach" | "panic";
  /** Device, disk and address per node */
  nodes: { [K in N]?: {
    /** The DRBD device, e.g. /dev/drbd0 */
    device: AbsPath;
    /** The backing disk, e.g. /dev/sdb1 */
    disk: AbsPath;
    /** The replication address (default: the node’s interconnect address) */
    address?: Ipv4;
    /** internal, or a device with an optional [index] */
    metaDisk?: string;
  } };
}

/** A VRRP instance (keepalived vrrp_instance) */
export interface VrrpInstance<N extends string = string, out Nic extends string = string, out Script extends string = string> {
  /** The instance name (vrrp_instance NAME) */
  name: string;
  /** The NIC the adverts go out on (interface) */
  interface: Nic;
  /** virtual_router_id, 1..255, unique per network segment */
  vrid: number;
  /** The VRRP version (default 2) */
  version?: 2 | 3;
  /** How often the MASTER sends adverts (advert_int, default 1s); a duration up to 10m ("2s", "500ms", or seconds) */
  advertInt?: Duration;
  /** VRRP authentication (authentication { auth_type auth_pass }) */
  auth?: {
    /** auth_type */
    type: "PASS" | "AH";
    /** Where the password comes from (at most 8 characters for PASS) */
    passFrom: SecretRef;
  };
  /** State and priority per node */
  nodes: { [K in N]?: {
    /** The initial state (state) */
    state: "MASTER" | "BACKUP";
    /** The priority: the MASTER’s is the highest (priority) */
    priority: number;
    /** This node's interface, when it differs from the instance's */
    interface?: Nic;
  } };
  /** The virtual addresses (virtual_ipaddress) */
  vips: (Ipv4 | Ipv4Cidr)[];
  /** Addresses moved but not announced (virtual_ipaddress_excluded) */
  excludedVips?: (Ipv4 | Ipv4Cidr)[];
  /** Programs keepalived runs on state changes */
  notify?: {
    /** The program run on becoming MASTER (notify_master) */
    master?: AbsPath;
    /** The program run on becoming BACKUP (notify_backup) */
    backup?: AbsPath;
    /** The program run on a fault (notify_fault) */
    fault?: AbsPath;
    /** The program run when keepalived stops the instance (notify_stop) */
    stop?: AbsPath;
  };
  /** Track scripts (names under keepalived.scripts) whose failure lowers the priority */
  track?: Script[];
  /** A returning higher-priority node does not take over (nopreempt) */
  nopreempt?: boolean;
  /** Send adverts to the peers’ addresses instead of multicast */
  unicast?: boolean;
  /** Delay before the second gratuitous ARP after becoming MASTER (garp_master_delay); a duration up to 1h ("2s", "500ms", or seconds) */
  garpMasterDelay?: Duration;
}

/** keepalived's global_defs and track scripts */
export interface Keepalived<ScriptName extends string = string> {
  /** Addresses keepalived mails on state changes (notification_email) */
  notificationEmail?: string[];
  /** The sender of those mails (notification_email_from) */
  notificationEmailFrom?: string;
  /** The SMTP server (smtp_server) */
  smtpServer?: string;
  /** seconds (keepalived smtp_connect_timeout) */
  smtpConnectTimeout?: number;
  /** router_id (default: the hostname) */
  routerId?: string;
  /** Track scripts by name (vrrp_script NAME) */
  scripts?: { [K in ScriptName]: {
    /** A command line: words separated by spaces; a word with spaces goes in single quotes (keepalived's own syntax) */
    script: string;
    /** How often the script runs (default 2s); a duration up to 24h ("2s", "500ms", or seconds) */
    interval?: Duration;
    /** Added to the priority while the script fails (negative) or passes (positive) */
    weight?: number;
    /** Failures in a row before the script counts as failed */
    fall?: number;
    /** Successes in a row before the script counts as passing */
    rise?: number;
    /** The user the script runs as (script_user) */
    user?: string;
  } };
  /** VIPs beyond this count go to virtual_ipaddress_excluded (default: 20 on centos6) */
  maxVips?: number;
}

/** The iptables rules file of every node */
export interface Firewall {
  /** Open what the model implies (interconnect, DRBD, VRRP, service ports); default true */
  implied?: boolean;
  /** What INPUT does with traffic no rule accepts: REJECT (default: a final REJECT rule, as RHEL ships), DROP (the chain policy), ACCEPT (open: the rules then open nothing) */
  defaultPolicy?: "REJECT" | "DROP" | "ACCEPT";
  /** Rules of your own, in order, before the implied ones */
  rules?: FirewallRule[];
}

/** An iptables rule, placed before the ones the stack implies */
export interface FirewallRule {
  /** The chain (default INPUT) */
  chain?: "INPUT" | "OUTPUT" | "FORWARD";
  /** The protocol (-p) */
  proto: "tcp" | "udp" | "icmp" | "vrrp";
  /** The destination port (--dport) */
  dport?: number;
  /** The source address or network (-s) */
  source?: Ipv4 | Ipv4Cidr;
  /** The target (-j, default ACCEPT) */
  action?: "ACCEPT" | "DROP" | "REJECT";
  /** A comment shown by iptables -L (-m comment) */
  comment?: string;
}

/** Render /etc/hosts with every node */
export interface Hosts {
  /** Which address of each node /etc/hosts maps its name to */
  network?: "service" | "interconnect";
  /** Extra /etc/hosts lines */
  extra?: {
    /** The address */
    ip: Ipv4;
    /** Its names */
    names: string[];
  }[];
}

/** A user apply creates on every node (refusing a clash of name or uid) */
export interface User {
  /** The login name */
  name: string;
  /** The uid, the same on every node */
  uid?: number;
  /** The gid of its primary group */
  gid?: number;
  /** The login shell, e.g. /sbin/nologin */
  shell?: AbsPath;
  /** The home directory */
  home?: AbsPath;
  /** The user writes data shared between nodes (then the UID must be pinned) */
  sharedData?: boolean;
}

/** An extra file placed on the nodes (notify scripts, configs) */
export interface File<out N extends string = string> {
  /** Where the file goes on the node */
  path: AbsPath;
  /** The content (may span lines) */
  content: string;
  /** The octal mode, e.g. "0755" (default 0644) */
  mode?: string;
  /** The owner, e.g. root or root:root */
  owner?: string;
  /** Only on these nodes (default: every node) */
  nodes?: N[];
}

/** The Vagrant machines of up --provider vagrant */
export interface Vagrant {
  /** The Vagrant box (default per platform, e.g. hactl/debian12) */
  box?: string;
  /** The Vagrant provider */
  provider?: "libvirt" | "virtualbox";
  /** Memory per VM in MiB */
  memory?: number;
  /** CPUs per VM */
  cpus?: number;
}

/** hactl's bundled agent */
export interface Agent {
  /** The agent's control socket (status, standby, move talk to it) */
  controlSocket?: AbsPath;
  /** How the agent fences a node that failed to stop a resource */
  fencing?: {
    /** The command that fences a node; NODE is replaced by its name */
    command: string;
  };
  /** Score per reachable ping node */
  pingWeight?: number;
  /** Where each node's agent serves Prometheus metrics (GET /metrics): a port (127.0.0.1 only) or HOST:PORT; absent = no endpoint */
  metrics?: number | string;
}
