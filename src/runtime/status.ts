import type { RuntimeName } from '../model/model.js';

/**
 * One picture of a running cluster, whatever runs it: Pacemaker's crm_mon, heartbeat's cl_status, keepalived's state
 * dump and the agent's control socket all become this, so `hactl status` prints and `--json` returns the same facts
 * for every runtime. A view is what ONE node sees; `ClusterStatus` merges the views of every node that answered, which
 * is how a split brain shows: two views that each run the same group and see the other node offline.
 */
export interface ClusterStatus {
  cluster: string;
  runtime: RuntimeName;
  /** the nodes whose views were merged, in the stack's node order */
  reportedBy: string[];
  /** node groups that cannot see each other (more than one entry means the cluster is partitioned) */
  partitions: string[][];
  nodes: NodeState[];
  links: LinkState[];
  groups: GroupState[];
  failedActions: FailedAction[];
  failCounts: FailCount[];
  quorum?: QuorumState;
  /** Pacemaker's designated controller, per partition */
  dc?: string[];
  /** things an operator must read: split brain, a group active on two nodes, a stopped cluster manager */
  warnings: string[];
  /** each DRBD resource of the stack as each node that answered sees it (absent when the stack has none) */
  drbd?: DrbdState[];
}

/**
 * One DRBD resource on one node, from `drbdadm status` there: the node's role and backing disk, and its connection to
 * each peer with the replication state. Values are DRBD's own words (Primary, UpToDate, SyncTarget, StandAlone, …).
 */
export interface DrbdState {
  resource: string;
  node: string;
  /** false when the resource is not configured in the kernel there (`drbdadm down`, module not loaded) */
  up: boolean;
  /** Primary, Secondary, or Unknown when the resource is not up */
  role: string;
  /** the local backing disk: UpToDate, Inconsistent, Outdated, Diskless, … (volume 0 when there are several) */
  disk: string;
  peers: DrbdPeerState[];
  /** the tool's words when the resource could not be read */
  detail?: string;
}

export interface DrbdPeerState {
  /** the peer's node name (DRBD's connection name, or the resource's other node when DRBD does not name it) */
  peer: string;
  /** Connected, or why not: StandAlone, Connecting, WFConnection, Disconnecting, … */
  connection: string;
  /** the peer's role as this node sees it (absent when not connected) */
  role?: string;
  /** Established, SyncSource, SyncTarget, PausedSyncS, … (absent when not connected) */
  replication?: string;
  /** the peer's disk as this node sees it: UpToDate, Inconsistent, DUnknown, … */
  disk?: string;
  /** percent of the resync done, while it runs */
  done?: number;
}

export type NodeCondition = 'online' | 'standby' | 'offline' | 'unclean' | 'unknown';

export interface NodeState {
  name: string;
  state: NodeCondition;
  /** the runtime's own words when they add something (e.g. "standby (on-fail)", "pending") */
  detail?: string;
  /** which reporters see the node in this state (all of them when the views agree) */
  seenBy: string[];
}

export interface LinkState {
  /** the node whose heartbeat link (or ring) this is, and the peer it leads to */
  node: string;
  peer: string;
  link: string;
  status: 'up' | 'down' | 'unknown';
}

export type ResourceRole = 'started' | 'stopped' | 'promoted' | 'unpromoted' | 'failed' | 'starting' | 'stopping' | 'unknown';

export interface ResourceState {
  name: string;
  /** e.g. ocf:heartbeat:IPaddr2, lsb:hoge, vrrp, agent class */
  agent: string;
  role: ResourceRole;
  node?: string;
  managed: boolean;
  /** stopped on purpose (target-role Stopped / crm resource stop) */
  disabled: boolean;
  failed: boolean;
}

export interface GroupState {
  name: string;
  kind: 'group' | 'primitive' | 'clone' | 'promotable' | 'vrrp';
  /** nodes where the group (all of its started members) runs; more than one for a group is a split brain */
  runningOn: string[];
  /** for promotable clones: where the promoted instance runs */
  promotedOn?: string[];
  disabled: boolean;
  resources: ResourceState[];
  /** the runtime is moving it (its placement points elsewhere than where it runs), as far as the runtime says */
  moving?: string;
}

export interface FailedAction {
  resource: string;
  operation: string;
  node: string;
  /** the agent's exit reason, as the runtime reports it */
  reason: string;
  at?: string;
}

export interface FailCount {
  resource: string;
  node: string;
  /** Infinity shows as the string INFINITY in JSON */
  count: number | 'INFINITY';
}

export interface QuorumState {
  quorate: boolean;
  detail?: string;
}

/** What one node reports; a runtime's status reader produces one per node it asked. */
export type NodeView = Omit<ClusterStatus, 'reportedBy' | 'partitions' | 'warnings'> & {
  reporter: string;
  /** false for runtimes without membership (VRRP): the view lists only its own node and says nothing of partitions */
  membership?: boolean;
};
