import type { AgentStatus } from '../../agent/status/status.js';
import type { GroupState, NodeCondition, NodeView, ResourceRole } from '../status.js';

const NODE: Record<string, NodeCondition> = { up: 'online', warn: 'online', init: 'unknown', dead: 'offline', left: 'offline' };

const MEMBER: Record<string, ResourceRole> = { running: 'started', started: 'started', stopped: 'stopped', starting: 'starting', stopping: 'stopping', failed: 'failed' };

/** The agent's own status (its control socket) → the status model; the agent speaks for itself and what it hears. */
export function agentView(s: AgentStatus): NodeView {
  const groups: GroupState[] = s.groups.map((g) => ({
    name: g.name,
    kind: 'group',
    runningOn: g.runningOn,
    disabled: g.disabled,
    ...(!g.disabled && g.runningOn.length === 1 && g.target !== g.runningOn[0] ? { moving: `from ${g.runningOn[0]} to ${g.target ?? 'nowhere'}` } : {}),
    ...(Object.values(g.states).some((st) => st !== 'running' && st !== 'stopped') ? { moving: Object.entries(g.states).map(([n, st]) => `${st} on ${n}`).join(', ') } : {}),
    // a node knows its own members' states: it speaks for them where the group is active on it, or, when the group
    // runs nowhere, says they are stopped (as crm_mon lists a stopped resource once, on no node)
    resources: g.states[s.node] !== undefined || g.runningOn.length === 0
      ? g.members.map((m) => {
        const role = MEMBER[m.state] ?? 'unknown';
        return { name: m.id, agent: m.class, role, ...(role !== 'stopped' ? { node: s.node } : {}), managed: true, disabled: g.disabled, failed: role === 'failed' };
      })
      : [],
  }));
  return {
    cluster: s.cluster,
    runtime: 'agent',
    reporter: s.node,
    nodes: s.nodes.map((n) => {
      const state = n.standby && NODE[n.status] === 'online' ? 'standby' : (NODE[n.status] ?? 'unknown');
      return { name: n.name, state, ...(n.status === 'warn' ? { detail: 'late heartbeats' } : {}), seenBy: [s.node] };
    }),
    links: s.nodes.filter((n) => !n.self).flatMap((n) => n.links.map((l) => ({ node: s.node, peer: n.name, link: l.link, status: l.status === 'up' ? 'up' : l.status === 'down' ? 'down' : 'unknown' }))),
    groups,
    failedActions: s.failedActions.map((a) => ({ resource: a.resource, operation: a.op, node: a.node, reason: a.reason, at: new Date(a.at).toISOString() })),
    failCounts: s.failCounts.map((f) => ({ resource: f.resource, node: f.node, count: f.count >= 1_000_000 ? 'INFINITY' : f.count })),
    quorum: { quorate: s.quorum.quorate, detail: `${s.quorum.votes}/${s.quorum.expected} votes, ${s.quorum.reason}` },
  };
}
