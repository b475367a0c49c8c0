import type { Static } from '@sinclair/typebox';
import type { ClusterInput, Platform, Runtime } from './cluster.js';
import type { OnFail, MonitorCheck, ScoreValue } from './primitives.js';

/**
 * The resolved cluster: defaults filled, shorthands expanded, durations in milliseconds.
 * Every part keeps `path`, the place in the stack it came from, so checks can point at the source.
 */
export interface ClusterModel {
  cluster: string;
  description?: string;
  runtime: RuntimeName;
  platform: PlatformName;
  nodes: NodeModel[];
  heartbeat?: HeartbeatModel;
  corosync?: CorosyncModel;
  pacemaker?: PacemakerModel;
  auth?: NonNullable<ClusterInput['auth']>;
  resources: ResourceModel[];
  constraints: ConstraintModel[];
  properties: Record<string, string | number | boolean>;
  drbd: DrbdModel[];
  vrrp: VrrpModel[];
  keepalived: KeepalivedModel;
  firewall: { implied: boolean; defaultPolicy: 'REJECT' | 'DROP' | 'ACCEPT'; rules: FirewallRuleModel[] };
  hosts?: NonNullable<ClusterInput['hosts']>;
  users: (NonNullable<ClusterInput['users']>[number] & { path: string })[];
  files: (NonNullable<ClusterInput['files']>[number] & { path: string; target: string })[];
  vagrant?: NonNullable<ClusterInput['vagrant']>;
  agent: NonNullable<ClusterInput['agent']>;
}

export type RuntimeName = Static<typeof Runtime>;
export type PlatformName = Static<typeof Platform>;
export type OnFailAction = Static<typeof OnFail>;
export type Score = Static<typeof ScoreValue>;

export type NicRole = 'service' | 'interconnect' | 'both';

export interface NicModel {
  name: string;
  address: string;
  prefix: number;
  role: NicRole;
  gateway?: string;
  path: string;
}

export interface NodeModel {
  name: string;
  nics: NicModel[];
  ssh?: NonNullable<ClusterInput['nodes'][string]['ssh']>;
  forwardedPorts: { id?: string; guest: number; host: number }[];
  path: string;
}

export interface LinkModel {
  nic: string;
  mode: 'ucast' | 'bcast' | 'mcast';
  port: number;
  group?: string;
  ttl: number;
  /** ucast targets for each node on this link */
  targets: Record<string, string[]>;
  /** explicit ucast peers from the stack, checked against the node's own address */
  explicitPeers: Record<string, string>;
  path: string;
}

export interface HeartbeatModel {
  links: LinkModel[];
  keepaliveMs: number;
  warntimeMs: number;
  deadtimeMs: number;
  deadpingMs?: number;
  initdeadMs: number;
  autoFailback: boolean;
  watchdog?: string;
  ping: string[];
  pingd?: { multiplier: number; dampenMs: number; attribute: string };
  logfile?: string;
  logfacility?: string;
  debug?: number;
  respawn: { user: string; command: string }[];
  apiauth: string[];
  ifcheckd: boolean;
  path: string;
}

export interface CorosyncModel {
  version: 1 | 3;
  transport: 'udpu' | 'udp' | 'knet';
  mcastport: number;
  ttl: number;
  secauth: boolean;
  interconnect: string;
  twoNode: boolean;
  logfile: string;
  debug: boolean;
  toSyslog: boolean;
  timestamp: boolean;
  tokenMs?: number;
  path: string;
}

export interface PacemakerModel {
  messaging: 'heartbeat' | 'corosync';
  syntax: '1.0' | '2';
  haCf: 'pacemaker on' | 'crm on';
  format: 'crmsh' | 'cib' | 'both';
}

export interface OpModel {
  name: 'start' | 'stop' | 'monitor' | 'promote' | 'demote';
  intervalMs: number;
  timeoutMs?: number;
  onFail?: OnFailAction;
}

export interface MonitorModel extends OpModel {
  name: 'monitor';
  check?: Static<typeof MonitorCheck>;
  port?: number;
  url?: string;
  pidfile?: string;
  command?: string;
}

interface PrimitiveBase {
  name: string;
  path: string;
  ops: OpModel[];
  monitor?: MonitorModel;
  migrationThreshold?: number;
  failureTimeoutMs?: number;
  meta: Record<string, string | number | boolean>;
  /** the group it belongs to, if any */
  group?: string;
}

export type PrimitiveModel =
  | (PrimitiveBase & { kind: 'vip'; ip: string; prefix: number; nic?: string })
  | (PrimitiveBase & { kind: 'service'; service: string })
  | (PrimitiveBase & { kind: 'lsb'; script: string })
  | (PrimitiveBase & { kind: 'systemd'; unit: string })
  | (PrimitiveBase & { kind: 'ocf'; provider: string; type: string; params: Record<string, string | number | boolean> })
  | (PrimitiveBase & {
      kind: 'apache';
      configfile: string;
      statusurl: string;
      documentRoot: string;
      indexHtml: boolean;
      proxies: { location: string; pass: string }[];
      port: number;
    })
  | (PrimitiveBase & {
      kind: 'tomcat';
      javaHome: string;
      catalinaHome: string;
      user: string;
      statusurl: string;
      ports: number[];
      initScript: boolean;
    })
  | (PrimitiveBase & { kind: 'exec'; run?: string; start?: string; stop?: string; status?: string; initScript: boolean; ports: number[] })
  | (PrimitiveBase & { kind: 'drbd'; resource: string; master: { name: string; preferred?: string; score: Score } })
  | (PrimitiveBase & { kind: 'filesystem'; device: string; directory: string; fstype: string; options?: string });

export type PrimitiveKind = PrimitiveModel['kind'];

export interface GroupModel {
  kind: 'group';
  name: string;
  path: string;
  members: PrimitiveModel[];
  preferred?: string;
  score: Score;
  migrationThreshold?: number;
  failureTimeoutMs?: number;
  notify: { master?: string; backup?: string; fault?: string };
}

export type ResourceModel = GroupModel | PrimitiveModel;

export type ConstraintModel =
  | { type: 'location'; id: string; rsc: string; node: string; score: Score; role?: 'master' | 'slave' | 'started'; path: string }
  | {
      type: 'colocation';
      id: string;
      rsc: string;
      with: string;
      withRole?: 'master' | 'slave' | 'started';
      score: Score;
      path: string;
    }
  | {
      type: 'order';
      id: string;
      first: string;
      firstAction: 'start' | 'promote' | 'demote' | 'stop';
      then: string;
      thenAction: 'start' | 'promote' | 'demote' | 'stop';
      kind: 'Mandatory' | 'Optional' | 'Serialize';
      path: string;
    };

export interface DrbdModel {
  name: string;
  version: '8.4' | '9';
  protocol: string;
  port: number;
  syncerRate?: string;
  onIoError?: string;
  hosts: { node: string; device: string; disk: string; address: string; metaDisk: string; path: string }[];
  path: string;
}

export interface VrrpModel {
  name: string;
  interface: string;
  vrid: number;
  version: 2 | 3;
  advertIntMs: number;
  auth?: { type: 'PASS' | 'AH'; passFrom: NonNullable<ClusterInput['auth']>['keyFrom'] & object };
  nodes: { node: string; state: 'MASTER' | 'BACKUP'; priority: number; interface: string; path: string }[];
  vips: string[];
  excludedVips: string[];
  notify: { master?: string; backup?: string; fault?: string; stop?: string };
  track: string[];
  nopreempt: boolean;
  unicast: boolean;
  garpMasterDelayMs?: number;
  path: string;
}

export interface KeepalivedModel {
  notificationEmail: string[];
  notificationEmailFrom?: string;
  smtpServer?: string;
  smtpConnectTimeout?: number;
  routerId?: string;
  scripts: { name: string; script: string; intervalMs: number; weight?: number; fall?: number; rise?: number; user?: string; path: string }[];
  maxVips?: number;
}

export interface FirewallRuleModel {
  chain: 'INPUT' | 'OUTPUT' | 'FORWARD';
  proto: 'tcp' | 'udp' | 'icmp' | 'vrrp';
  dport?: number;
  source?: string;
  action: 'ACCEPT' | 'DROP' | 'REJECT';
  comment?: string;
}
