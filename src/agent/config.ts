/**
 * The agent's own configuration document (JSON). The renderer writes it from the cluster model; the heartbeat v1
 * compatibility layer builds it from ha.cf/haresources/authkeys. It is complete: the agent reads nothing else.
 *
 * This interface is the *resolved* shape: every field that has a default is present after `parseAgentConfig`.
 * A writer may omit any field documented with a default.
 */
export interface AgentConfig {
  /** Format version of this document. */
  version: 1;
  /** Cluster name; packets of other clusters are dropped. 1..64 chars of [A-Za-z0-9_.-]. */
  cluster: string;
  /** Every cluster member. The local node is chosen at run time (`--node`). Order breaks placement ties. */
  nodes: AgentNode[];
  /** Heartbeat links; heartbeats go out on all of them. At least one. */
  links: AgentLink[];
  auth: AgentAuth;
  timings: AgentTimings;
  /** true: a group returns to its preferred node when that node comes back. Default false (seed 000). */
  autoFailback: boolean;
  /** Ping nodes (like heartbeat `ping` + pingd). Default: no targets. */
  ping: AgentPing;
  quorum: AgentQuorum;
  /** Fencing hook; absent = no fencing. */
  fencing?: AgentFencing;
  /** Resource groups; members start in order and stop in reverse. */
  groups: AgentGroup[];
  /** Default []. */
  colocations: AgentColocation[];
  /** Default []. */
  orders: AgentOrder[];
  /** Cluster-wide notify scripts; a group's own `notify` overrides per event. Default {}. */
  notify: AgentNotify;
  control: AgentControl;
  /**
   * Directory for pid files and the control socket. `{cluster}` and `{node}` are replaced.
   * Default `/run/hactl/{cluster}-{node}`.
   */
  runDir: string;
  /** Where admin state (standby, moves) and the boot generation persist; absent = memory only. Placeholders as runDir. */
  stateDir?: string;
  log: AgentLog;
  /**
   * As heartbeat's `realtime on`: when run as root, the agent's main thread gets SCHED_RR (reset on fork, so
   * the commands it runs do not), so a busy host does not delay heartbeats. Default true.
   */
  realtime: boolean;
}

export interface AgentNode {
  name: string;
  /**
   * This node's interconnect address per link name, `ip` or `ip/prefix`. Used to bind (own node) and as ucast
   * destination (other nodes). May be omitted for the local node when the link names an `iface` (discovered).
   */
  addresses: Record<string, string>;
}

export type LinkMode = 'ucast' | 'bcast' | 'mcast';

export interface AgentLink {
  /** Link name, referenced by `AgentNode.addresses`. */
  name: string;
  mode: LinkMode;
  /** UDP port. Default 694. */
  port: number;
  /** Interface carrying this link; used to find the local address when none is listed. */
  iface?: string;
  /** mcast: group address, e.g. 239.0.0.43. Required for mcast. */
  group?: string;
  /** mcast: TTL. Default 1. */
  ttl: number;
  /** bcast: destination; default the directed broadcast of the local address. */
  broadcast?: string;
  /** ucast: extra destinations when node addresses are not known (heartbeat v1 `ucast eth1 IP`). Default []. */
  peers: string[];
}

export type AuthMethod = 'sha1' | 'sha256' | 'md5' | 'crc';

export interface AgentAuth {
  /** HMAC algorithm; `crc` authenticates nothing (corruption check only). Default sha256. */
  method: AuthMethod;
  /** Shared secret (the resolved key; file must be mode 0600). Required unless method is crc. Never logged. */
  key: string;
}

/** heartbeat semantics, in milliseconds. */
export interface AgentTimings {
  /** Interval between heartbeats. Default 1000. */
  keepaliveMs: number;
  /** A peer silent this long is "warn" (late heartbeat). Default 2000. */
  warntimeMs: number;
  /** A peer silent this long is "dead". Default 3000. */
  deadtimeMs: number;
  /** After start, how long to wait for peers not yet heard before declaring them dead. Default 2 x deadtime. */
  initdeadMs: number;
}

export interface AgentPing {
  /** IPv4 addresses pinged continuously. */
  targets: string[];
  /** Location score per reachable target (pingd multiplier). Default 100. */
  weight: number;
  /** A node reaching fewer targets runs nothing. Default 1 when targets exist, else 0. */
  minReachable: number;
  /** Echo interval. Default 1000. */
  intervalMs: number;
  /** A target without a reply for this long is unreachable. Default 3 x intervalMs. */
  deadMs: number;
}

export type QuorumPolicy = 'stop' | 'ignore' | 'freeze';

export interface AgentQuorum {
  /** What a partition without quorum does (no-quorum-policy). Default 'stop'. */
  policy: QuorumPolicy;
  /** Votes of the full cluster. Default: number of nodes. */
  expectedVotes: number;
  /** With exactly 2 expected votes, one node alone is quorate (corosync two_node). Default true. */
  twoNode: boolean;
}

/** A shell string (run by /bin/sh -c) or an argv array (run directly). */
export type Command = string | string[];

export interface AgentFencing {
  /** Run with HACTL_FENCE_NODE (target), HACTL_FENCE_REASON, HACTL_CLUSTER, HACTL_NODE (runner) in the env. */
  command: Command;
  /** Default 60000. */
  timeoutMs: number;
  /** Also fence a peer declared dead before taking over its groups. Default false. */
  onPeerDeath: boolean;
}

export type OnFail = 'restart' | 'block' | 'stop' | 'ignore' | 'standby' | 'fence';

export interface AgentOp {
  timeoutMs: number;
  onFail: OnFail;
}

export interface AgentMonitorOp extends AgentOp {
  /** 0 disables the monitor. */
  intervalMs: number;
}

export interface AgentOps {
  /** Default { timeoutMs: 20000, onFail: 'restart' }. */
  start: AgentOp;
  /** Default { timeoutMs: 20000, onFail: 'block' } (a failed stop leaves the group unclean, held on this node). */
  stop: AgentOp;
  /** Default { intervalMs: 10000, timeoutMs: 20000, onFail: 'restart' }. */
  monitor: AgentMonitorOp;
}

interface ResourceBase {
  /** Unique across the whole document. */
  id: string;
  ops: AgentOps;
}

/** IPaddr2: `ip addr add/del`, gratuitous ARP with `arping -U`. */
export interface IpAddr2Resource extends ResourceBase {
  class: 'ipaddr2';
  ip: string;
  /** Prefix length. */
  cidr: number;
  nic: string;
  /** Interface label, e.g. eth0:0. */
  label?: string;
  /** Gratuitous ARPs sent after adding (IPv4). Default 1; 0 disables. */
  arpCount: number;
}

/** LSB init script: start/stop/status, status 0 = running, 3 = stopped. */
export interface LsbResource extends ResourceBase {
  class: 'lsb';
  name: string;
  /** Script path; default /etc/init.d/<name>. */
  path?: string;
  /** Arguments before the action (heartbeat v1 `script::arg1::arg2`). Default []. */
  args: string[];
}

/**
 * A heartbeat v1 resource script, as haresources names it (`name::arg1::arg2`, found in resource.d, then init.d):
 * start and stop by exit code, status by what it prints, as heartbeat's ResourceManager reads it.
 */
export interface HeartbeatResource extends ResourceBase {
  class: 'heartbeat';
  name: string;
  path: string;
  /** Arguments before the action. Default []. */
  args: string[];
}

/** OCF agent at $OCF_ROOT/resource.d/<provider>/<type>; params become OCF_RESKEY_<name>. */
export interface OcfResource extends ResourceBase {
  class: 'ocf';
  provider: string;
  type: string;
  params: Record<string, string>;
  /** Default /usr/lib/ocf. */
  ocfRoot: string;
}

export interface SystemdResource extends ResourceBase {
  class: 'systemd';
  unit: string;
}

/**
 * Commands. With `run`, the agent supervises that foreground process itself (start spawns it, stop signals it,
 * monitor checks it is alive, then runs `monitor` if given). Monitor exit 0 = running, 7 = stopped, else failed.
 */
export interface ExecResource extends ResourceBase {
  class: 'exec';
  run?: Command;
  start?: Command;
  stop?: Command;
  monitor?: Command;
  /** Extra environment. Default {}. */
  env: Record<string, string>;
  cwd?: string;
}

/** Monitor-only: `stats` over TCP must answer `STAT pid`. */
export interface MemcachedResource extends ResourceBase {
  class: 'memcached';
  /** Default 127.0.0.1. */
  host: string;
  /** Default 11211. */
  port: number;
}

/** Monitor-only: GET `url` (http:// only) must answer `expectStatus` and contain `expectBody` if given. */
export interface HttpResource extends ResourceBase {
  class: 'http';
  url: string;
  /** Default 200. */
  expectStatus: number;
  expectBody?: string;
}

/** Monitor-only: a TCP connect must succeed. */
export interface TcpResource extends ResourceBase {
  class: 'tcp';
  /** Default 127.0.0.1. */
  host: string;
  port: number;
}

/** DRBD role: start promotes (drbdadm primary), stop demotes (drbdadm secondary). */
export interface DrbdResource extends ResourceBase {
  class: 'drbd';
  resource: string;
}

export interface FilesystemResource extends ResourceBase {
  class: 'filesystem';
  device: string;
  directory: string;
  fstype: string;
  /** mount -o value. */
  options?: string;
}

export type AgentResource =
  | IpAddr2Resource
  | LsbResource
  | HeartbeatResource
  | OcfResource
  | SystemdResource
  | ExecResource
  | MemcachedResource
  | HttpResource
  | TcpResource
  | DrbdResource
  | FilesystemResource;

export type ResourceClass = AgentResource['class'];

/** A location score; JSON has no Infinity, so the strings stand for it. */
export type Score = number | 'INFINITY' | '-INFINITY';

export interface AgentGroup {
  name: string;
  members: AgentResource[];
  /** Shorthand for a location score of `preferredScore` on this node. */
  preferred?: string;
  /** Default 100. */
  preferredScore: number;
  /** Node name -> score. '-INFINITY' bans. Default {}. */
  location: Record<string, Score>;
  /** Failures of one member on a node before the group leaves that node; 0 = never. Default 3. */
  migrationThreshold: number;
  /** Failures older than this are forgotten; 0 = never. Default 0. */
  failureTimeoutMs: number;
  /** Per-group notify scripts; override the cluster-wide ones per event. */
  notify?: AgentNotify;
}

export interface AgentColocation {
  /** This group is placed relative to `with`. */
  group: string;
  with: string;
  /** 'INFINITY': same node (stopped if `with` runs nowhere); '-INFINITY': never the same node; numbers weigh. */
  score: Score;
}

export interface AgentOrder {
  first: string;
  then: string;
  /** mandatory: `then` starts only while `first` runs somewhere. optional: only when both start together. */
  kind: 'mandatory' | 'optional';
}

/**
 * keepalived-style notify scripts, run with args `GROUP STATE` and env HACTL_GROUP, HACTL_STATE, HACTL_NODE,
 * HACTL_CLUSTER. master = the group became active here; backup = it is placed elsewhere; fault = it failed here.
 */
export interface AgentNotify {
  master?: Command;
  backup?: Command;
  fault?: Command;
  /** Default 30000. */
  timeoutMs?: number;
}

export interface AgentControl {
  /** Unix socket path (mode 0600). Placeholders as runDir. Default `{runDir}/control.sock`. */
  socket: string;
}

export interface AgentLog {
  /** Default 'info'. */
  level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Append JSON lines to this file instead of stdout. */
  file?: string;
}

export { parseAgentConfig, loadAgentConfig, AgentConfigError, type ConfigIssue } from './config-parse.js';
export { scoreValue, resolvePaths, type ResolvedPaths } from './config-util.js';
