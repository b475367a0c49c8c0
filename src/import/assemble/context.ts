import type { Diagnostic } from '../../diagnostics/index.js';
import type { ClusterModel, PlatformName } from '../../model/model.js';
import type { AgentConfigDocument } from '../../agent/config/types.js';
import type { Where } from '../located.js';
import type { ImportItem } from '../report.js';
import type { Authkeys } from '../parse/authkeys.js';
import type { CorosyncConf } from '../parse/corosync.js';
import type { DrbdConf } from '../parse/drbd.js';
import type { HaCf } from '../parse/ha-cf.js';
import type { HaLine } from '../parse/haresources.js';
import type { HostsEntry } from '../parse/hosts.js';
import type { IptablesFile } from '../parse/iptables.js';
import type { KeepalivedConf } from '../parse/keepalived.js';
import type { NicFact } from '../parse/network.js';
import type { PacemakerConf } from '../parse/pacemaker-conf.js';
import type { SourceFile } from '../source/types.js';

export interface Parsed<T> {
  value: T;
  file: SourceFile;
}

/** Everything read from one node, parsed. */
export interface NodeConfig {
  name: string;
  haCf?: Parsed<HaCf>;
  haresources?: Parsed<HaLine[]>;
  authkeys?: Parsed<Authkeys>;
  keepalived?: Parsed<KeepalivedConf>;
  corosync?: Parsed<CorosyncConf>;
  corosyncAuthkey?: SourceFile;
  drbd: Parsed<DrbdConf>[];
  hosts?: Parsed<{ entries: HostsEntry[]; system: HostsEntry[] }>;
  iptables?: Parsed<IptablesFile>;
  agent?: Parsed<AgentConfigDocument>;
  pacemaker: Parsed<PacemakerConf>[];
  /** addresses the node has, from `ip addr`, ifcfg or interfaces files */
  nics: NicFact[];
  /** files no parser took: looked up when a configuration names them, else kept as they are */
  others: SourceFile[];
  ssh?: { host: string; port?: number; user?: string };
}

export interface Secret {
  /** what it is, for the report (never the value) */
  what: string;
  /** the stack path of its reference: auth.keyFrom, vrrp[0].auth.passFrom */
  path: string;
  value: string;
  where: Where;
  /** the file name under the secrets directory */
  name: string;
  /** the environment variable of --print-secrets */
  env: string;
}

/** What the parts of the import share while they build the stack. */
export interface Assembly {
  nodes: NodeConfig[];
  /** cluster-wide Pacemaker configurations (crm output, cib.xml) */
  pacemaker: Parsed<PacemakerConf>[];
  vagrant?: Parsed<unknown>;
  hint?: { model: ClusterModel; file: SourceFile };
  hintPlatform?: PlatformName;
  items: ImportItem[];
  issues: Diagnostic[];
  secrets: Secret[];
  /** source files whose content ended up in the stack (directly, or as a file hactl renders) */
  consumed: Set<SourceFile>;
  /** node paths the configurations name (notify, respawn, init scripts), in the order they name them */
  referenced: string[];
}
