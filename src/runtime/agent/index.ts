import { AGENT_CONFIG_PATH, controlSocketPath } from '../../agent/config/paths.js';
import type { ControlRequest } from '../../agent/control/protocol.js';
import type { AgentStatus } from '../../agent/status/status.js';
import { RuntimeError } from '../errors.js';
import { mergeViews } from '../merge-views.js';
import { anyNode, onEveryNode } from '../node-command.js';
import type { ClusterAccess, OperationResult, Runtime } from '../runtime.js';
import { resolveGroup, resolveNode } from '../targets.js';
import { requestOverShell } from './socket-request.js';
import { agentView } from './view.js';

/** One request to a node's agent, on the socket the rendered config gives it (see socket-request.ts for why not Node.js). */
async function ask(cluster: ClusterAccess, node: string, request: ControlRequest): Promise<unknown> {
  const transport = cluster.nodes.get(node);
  if (!transport) throw new RuntimeError('runtime-no-node', `${node} cannot be reached`);
  const { cluster: name, agent } = cluster.model;
  return requestOverShell(node, transport, controlSocketPath(name, node, agent.controlSocket ? { socket: agent.controlSocket } : {}), request);
}

/** Admin changes reach every agent through the heartbeats: ask any node that answers. */
async function command(cluster: ClusterAccess, request: ControlRequest, shown: string): Promise<OperationResult> {
  const [via] = anyNode(cluster);
  const result = await ask(cluster, via, request);
  return { via, command: shown, output: JSON.stringify(result) };
}

export const agentRuntime: Runtime = {
  name: 'agent',
  daemons: (_model, { hactl }) => [{
    name: 'hactl-agent',
    exe: hactl[0]!,
    marker: 'agent',
    foreground: [...hactl, 'agent', '--config', AGENT_CONFIG_PATH],
    service: 'hactl-agent',
    env: { HACTL_LOG_LEVEL: process.env.HACTL_LOG_LEVEL ?? 'info' },
  }],
  async status(cluster) {
    const views = await onEveryNode(cluster, async (node) => agentView((await ask(cluster, node, { cmd: 'status' })) as AgentStatus));
    if (views.length === 0) throw new RuntimeError('runtime-not-ready', `no agent of ${cluster.model.cluster} answers`);
    const status = mergeViews(views.map((v) => v.value), cluster.model.nodes.map((n) => n.name));
    const silent = cluster.model.nodes.map((n) => n.name).filter((n) => !views.some((v) => v.node === n));
    return silent.length ? { ...status, warnings: [...status.warnings, `the agent does not answer on ${silent.join(', ')}`] } : status;
  },
  // the agent says where placement wants each group: a failback still under way is not a steady cluster
  unsettled(status) {
    const moving = status.groups.find((g) => g.moving);
    return moving ? `${moving.name} is moving (${moving.moving})` : undefined;
  },
  ownsServices: true,
  operations: {
    standby: (c, { node }) => command(c, { cmd: 'standby', node: resolveNode(c.model, node) }, `standby ${node}`),
    online: (c, { node }) => command(c, { cmd: 'online', node: resolveNode(c.model, node) }, `online ${node}`),
    move: (c, { group, node }) => command(c, { cmd: 'move', group: resolveGroup(c.model, group), node: resolveNode(c.model, node) }, `move ${group} ${node}`),
    unmove: (c, { group }) => command(c, { cmd: 'unmove', group: resolveGroup(c.model, group) }, `unmove ${group}`),
    stop: (c, { group }) => command(c, { cmd: 'stop', group: resolveGroup(c.model, group) }, `stop ${group}`),
    start: (c, { group }) => command(c, { cmd: 'start', group: resolveGroup(c.model, group) }, `start ${group}`),
    cleanup: (c, { resource, node }) => command(c, { cmd: 'cleanup', ...(resource ? { resource } : {}), ...(node ? { node: resolveNode(c.model, node) } : {}) }, `cleanup ${resource ?? ''} ${node ?? ''}`.trim()),
    'is-active': async (c, { group, node }) => {
      const name = resolveGroup(c.model, group);
      const result = (await ask(c, node, { cmd: 'is-active', group: name })) as { active: boolean; state: string };
      return { via: node, command: `is-active ${name}`, output: `${name} is ${result.state} on ${node}`, active: result.active };
    },
  },
};
