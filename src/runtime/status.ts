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
