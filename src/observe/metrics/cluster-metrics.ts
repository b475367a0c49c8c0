import { Counter, Gauge, Registry } from 'prom-client';
import type { ClusterStatus, NodeCondition, ResourceRole } from '../../runtime/status.js';
import type { GroupCounters } from '../timeline/track.js';

export const NODE_STATES: readonly NodeCondition[] = ['online', 'standby', 'offline', 'unclean', 'unknown'];
export const RESOURCE_ROLES: readonly ResourceRole[] = ['started', 'stopped', 'promoted', 'unpromoted', 'failed', 'starting', 'stopping', 'unknown'];

const seconds = (ms: number) => ms / 1000;

function gauges(registry: Registry) {
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  return {
    up: gauge('hactl_status_up', 'Whether the cluster status could be read on the last attempt (1) or not (0)'),
    info: gauge('hactl_cluster_info', 'The cluster and its runtime; always 1', ['cluster', 'runtime']),
    reporters: gauge('hactl_status_reporters', 'Nodes whose runtime answered for the last status'),
    node: gauge('hactl_node_state', 'Node state as the runtime reports it: 1 for the current state, 0 for the others', ['node', 'state']),
    link: gauge('hactl_link_up', 'Heartbeat link or ring from node to peer: 1 up, 0 down', ['node', 'peer', 'link']),
    active: gauge('hactl_group_active', 'Whether the group runs on the node (1) or not (0)', ['group', 'node']),
    activeNodes: gauge('hactl_group_active_nodes', 'Nodes the group runs on (more than 1 for a group is a split brain)', ['group']),
    disabled: gauge('hactl_group_disabled', 'Whether the group is stopped on purpose', ['group']),
    resource: gauge('hactl_resource_state', 'Resource role: 1 for the current role, 0 for the others', ['group', 'resource', 'node', 'state']),
    lastTransition: gauge('hactl_group_last_transition_timestamp_seconds', 'When the set of nodes the group runs on last changed (Unix time)', ['group']),
    lastFailover: gauge('hactl_group_last_failover_timestamp_seconds', 'When the group last started on another node than it ran on (Unix time)', ['group']),
    lastFailoverDuration: gauge('hactl_group_last_failover_duration_seconds', 'How long the group ran nowhere before its last failover, as the observer saw it', ['group']),
    failCount: gauge('hactl_resource_failures', "A resource's fail-count on a node, until a cleanup (+Inf for INFINITY; promtool reserves _count for histograms)", ['resource', 'node']),
    failedActions: gauge('hactl_failed_actions', 'Failed operations the runtime still lists, per node', ['node']),
    quorate: gauge('hactl_quorate', 'Whether the (reporting part of the) cluster has quorum'),
    partitions: gauge('hactl_partitions', 'Groups of nodes that cannot see each other (more than 1: the cluster is split)'),
    warnings: gauge('hactl_warnings', 'Warnings an operator must read (split brain, a group active twice, ...)'),
    drbdPrimary: gauge('hactl_drbd_primary', 'Whether the DRBD resource is Primary on the node (1) or not (0)', ['resource', 'node']),
    drbdUpToDate: gauge('hactl_drbd_up_to_date', "Whether the node's DRBD backing disk is UpToDate (1) or not (0)", ['resource', 'node']),
    drbdConnected: gauge('hactl_drbd_connected', 'Whether the node replicates the DRBD resource with the peer (1) or not (0)', ['resource', 'node', 'peer']),
    drbdSyncDone: gauge('hactl_drbd_sync_done_percent', 'Percent of a running DRBD resync done, as the node sees it (only while it runs)', ['resource', 'node', 'peer']),
  };
}

/**
 * The metrics every runtime shares, named once: the agent's own endpoint and `hactl exporter` (keepalived,
 * heartbeat, Pacemaker, the agent from outside) both fill them from the one status model, so one dashboard reads all.
 * Each update replaces every series: a node, link or resource that is gone from the status is gone from the output.
 */
export class ClusterMetrics {
  private readonly g: ReturnType<typeof gauges>;
  private readonly transitions: Counter<string>;
  private readonly failovers: Counter<string>;

  constructor(readonly registry: Registry = new Registry()) {
    this.g = gauges(registry);
    this.transitions = new Counter({ name: 'hactl_group_transitions_total', help: 'Changes of the set of nodes a group runs on, since the observer started', labelNames: ['group'], registers: [registry] });
    this.failovers = new Counter({ name: 'hactl_group_failovers_total', help: 'Times a group started on another node than it ran on, since the observer started', labelNames: ['group'], registers: [registry] });
  }

  /** A status that could not be read keeps the counters and drops the rest: stale states are worse than none. */
  update(status: ClusterStatus | undefined, counters: ReadonlyMap<string, GroupCounters>): void {
    for (const gauge of Object.values(this.g)) gauge.reset();
    this.g.up.set(status ? 1 : 0);
    this.setCounters(counters);
    if (!status) return;
    const g = this.g;
    g.info.set({ cluster: status.cluster, runtime: status.runtime }, 1);
    g.reporters.set(status.reportedBy.length);
    for (const n of status.nodes) for (const state of NODE_STATES) g.node.set({ node: n.name, state }, n.state === state ? 1 : 0);
    for (const l of status.links) if (l.status !== 'unknown') g.link.set({ node: l.node, peer: l.peer, link: l.link }, l.status === 'up' ? 1 : 0);
    for (const group of status.groups) {
      for (const n of status.nodes) g.active.set({ group: group.name, node: n.name }, group.runningOn.includes(n.name) ? 1 : 0);
      g.activeNodes.set({ group: group.name }, group.runningOn.length);
      g.disabled.set({ group: group.name }, group.disabled ? 1 : 0);
      for (const r of group.resources) {
        for (const state of RESOURCE_ROLES) g.resource.set({ group: group.name, resource: r.name, node: r.node ?? '', state }, r.role === state ? 1 : 0);
      }
    }
    for (const f of status.failCounts) g.failCount.set({ resource: f.resource, node: f.node }, f.count === 'INFINITY' ? Infinity : f.count);
    for (const n of status.nodes) g.failedActions.set({ node: n.name }, status.failedActions.filter((a) => a.node === n.name).length);
    if (status.quorum) g.quorate.set(status.quorum.quorate ? 1 : 0);
    g.partitions.set(status.partitions.length);
    g.warnings.set(status.warnings.length);
    for (const d of status.drbd ?? []) {
      g.drbdPrimary.set({ resource: d.resource, node: d.node }, d.role === 'Primary' ? 1 : 0);
      g.drbdUpToDate.set({ resource: d.resource, node: d.node }, d.disk === 'UpToDate' ? 1 : 0);
      for (const p of d.peers) {
        g.drbdConnected.set({ resource: d.resource, node: d.node, peer: p.peer }, p.connection === 'Connected' ? 1 : 0);
        if (p.done !== undefined) g.drbdSyncDone.set({ resource: d.resource, node: d.node, peer: p.peer }, p.done);
      }
    }
  }

  private setCounters(counters: ReadonlyMap<string, GroupCounters>): void {
    this.transitions.reset();
    this.failovers.reset();
    for (const [group, c] of counters) {
      this.transitions.inc({ group }, c.transitions);
      this.failovers.inc({ group }, c.failovers);
      if (c.lastTransitionAt !== undefined) this.g.lastTransition.set({ group }, seconds(c.lastTransitionAt));
      if (c.lastFailoverAt !== undefined) this.g.lastFailover.set({ group }, seconds(c.lastFailoverAt));
      if (c.lastFailoverMs !== undefined) this.g.lastFailoverDuration.set({ group }, seconds(c.lastFailoverMs));
    }
  }
}
