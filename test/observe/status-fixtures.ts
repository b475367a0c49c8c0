import type { ClusterStatus, GroupState, NodeCondition } from '../../src/runtime/status.js';

/** A two-node status as a runtime reports it: `web` on the given nodes, each node in the given state. */
export function statusOf(runningOn: string[], states: Partial<Record<'qs1' | 'qs2', NodeCondition>> = {}, extra: Partial<ClusterStatus> = {}): ClusterStatus {
  const nodes = (['qs1', 'qs2'] as const).map((name) => ({ name, state: states[name] ?? 'online', seenBy: ['qs1', 'qs2'] }));
  const web: GroupState = {
    name: 'web',
    kind: 'group',
    runningOn,
    disabled: false,
    resources: runningOn.length
      ? runningOn.flatMap((node) => [
        { name: 'vip', agent: 'ipaddr2', role: 'started' as const, node, managed: true, disabled: false, failed: false },
        { name: 'hello', agent: 'exec', role: 'started' as const, node, managed: true, disabled: false, failed: false },
      ])
      : [{ name: 'vip', agent: 'ipaddr2', role: 'stopped' as const, managed: true, disabled: false, failed: false }],
  };
  return {
    cluster: 'quickstart',
    runtime: 'agent',
    reportedBy: nodes.filter((n) => n.state !== 'offline').map((n) => n.name),
    partitions: [['qs1', 'qs2']],
    nodes,
    links: [
      { node: 'qs2', peer: 'qs1', link: 'eth1', status: states.qs1 === 'offline' ? 'down' : 'up' },
      { node: 'qs1', peer: 'qs2', link: 'eth1', status: states.qs2 === 'offline' ? 'down' : 'up' },
    ],
    groups: [web],
    failedActions: [],
    failCounts: [],
    quorum: { quorate: true, detail: '2/2 votes' },
    warnings: runningOn.length > 1 ? [`web is active on ${runningOn.length} nodes (${runningOn.join(', ')})`] : [],
    ...extra,
  };
}
