import type { ClusterModel } from '../../model/model.js';
import { RuntimeError } from '../errors.js';
import { mergeViews } from '../merge-views.js';
import { mustRun, onEveryNode } from '../node-command.js';
import type { ClusterAccess, DaemonSpec, OperationResult, Runtime } from '../runtime.js';
import type { ClusterStatus } from '../status.js';
import { resolveGroup, resolveNode } from '../targets.js';
import { KEEPALIVED_PID_FILE, parseNodeRead, readNodeScript } from './read-node.js';

const daemon = (): DaemonSpec => ({
  name: 'keepalived',
  exe: '/usr/sbin/keepalived',
  foreground: [
    'keepalived', '--dont-fork', '--log-console', '--log-detail', '--vrrp', '--use-file=/etc/keepalived/keepalived.conf',
    `--pid=${KEEPALIVED_PID_FILE}`, '--vrrp_pid=/run/keepalived-vrrp.pid',
  ],
  service: 'keepalived',
});

async function keepalivedStatus(cluster: ClusterAccess): Promise<ClusterStatus> {
  const views = await onEveryNode(cluster, async (node, t) => parseNodeRead(await mustRun(node, t, readNodeScript, 15_000), node, cluster.model));
  if (views.length === 0) throw new RuntimeError('runtime-not-ready', `no node of ${cluster.model.cluster} answers`);
  const status = mergeViews(views.map((v) => v.value), cluster.model.nodes.map((n) => n.name));
  const stopped = status.nodes.filter((n) => n.state === 'offline').map((n) => n.name);
  return stopped.length ? { ...status, warnings: [...status.warnings, `keepalived is not running on ${stopped.join(', ')}`] } : status;
}

/** VRRP has no standby state: leaving the election (keepalived sends priority 0 as it stops) is what takes the node out. */
async function setParticipation(cluster: ClusterAccess, node: string, on: boolean): Promise<OperationResult> {
  resolveNode(cluster.model, node);
  const spec = daemon();
  if (on) await cluster.daemons.start(node, spec);
  else await cluster.daemons.stop(node, spec);
  return {
    via: node,
    command: `${on ? 'start' : 'stop'} keepalived`,
    output: on ? `keepalived runs again on ${node}: it takes part in the VRRP election (a MASTER by priority preempts)` : `keepalived stopped on ${node} (it advertised priority 0): the BACKUP with the highest priority takes over`,
  };
}

const VRRP = 'keepalived (VRRP)';

export const keepalivedRuntime: Runtime = {
  name: 'keepalived',
  daemons: (_model: ClusterModel) => [daemon()],
  status: keepalivedStatus,
  // VRRP elects the highest priority: with preemption on (and no tracking that shifts priorities) an instance belongs
  // on that node, so a restarted MASTER taking its VIPs back is waited for; otherwise any single holder is steady.
  unsettled(status, model) {
    for (const instance of model.vrrp) {
      const predictable = !instance.nopreempt && instance.track.length === 0 && model.keepalived.scripts.length === 0;
      const master = [...instance.nodes].sort((a, b) => b.priority - a.priority)[0]?.node;
      const holder = status.groups.find((g) => g.name === instance.name)?.runningOn[0];
      if (predictable && master !== undefined && holder !== master) return `${instance.name} is on ${holder ?? 'no node'}, not yet back on ${master}`;
    }
    return undefined;
  },
  ownsServices: false,
  operations: {
    standby: (c, { node }) => setParticipation(c, node, false),
    online: (c, { node }) => setParticipation(c, node, true),
    move: { refused: `${VRRP} elects the MASTER by priority: change vrrp[].nodes priorities and apply, or standby the MASTER` },
    unmove: { refused: `${VRRP} has no placement pin: the priorities in the stack decide` },
    stop: { refused: `${VRRP} cannot stop one instance while keepalived runs: standby its nodes or take the cluster down` },
    start: { refused: `${VRRP} starts every instance with keepalived: online the node` },
    cleanup: { refused: `${VRRP} keeps no fail-counts or failed actions to clean up` },
    'is-active': async (c, { group, node }) => {
      const name = resolveGroup(c.model, group);
      const transport = c.nodes.get(node);
      if (!transport) throw new RuntimeError('runtime-no-node', `${node} cannot be reached`);
      const view = parseNodeRead(await mustRun(node, transport, readNodeScript, 15_000), node, c.model);
      const active = view.groups.find((g) => g.name === name)?.runningOn.includes(node) ?? false;
      return { via: node, command: 'keepalived state dump', output: `${name} ${active ? 'is MASTER' : 'is not MASTER'} on ${node}`, active };
    },
  },
};
