import { quote } from '../../transport/shell.js';
import { RuntimeError } from '../errors.js';
import { readDrbdStatus, withDrbd } from '../drbd/read-status.js';
import { mergeViews } from '../merge-views.js';
import { anyNode, mustRun, onEveryNode } from '../node-command.js';
import type { ClusterAccess, OperationResult, Runtime } from '../runtime.js';
import type { ClusterStatus } from '../status.js';
import { resolveGroup, resolveNode } from '../targets.js';
import { bootstrapPacemaker } from './bootstrap.js';
import { configurationDiff, configurationFile, loadConfiguration } from './configuration.js';
import { seedCibCommand } from './seed-cib.js';
import { parseCrmMon } from './crm-mon.js';

const CRM_MON = 'crm_mon --output-as=xml --inactive';

async function pacemakerStatus(cluster: ClusterAccess): Promise<ClusterStatus> {
  const [views, drbd] = await Promise.all([
    onEveryNode(cluster, async (node, t) => parseCrmMon(await mustRun(node, t, CRM_MON, 15_000), node, cluster.model.cluster)),
    readDrbdStatus(cluster),
  ]);
  if (views.length === 0) throw new RuntimeError('runtime-not-ready', `Pacemaker answers on none of ${cluster.model.nodes.map((n) => n.name).join(', ')} (crm_mon failed)`);
  const status = mergeViews(views.map((v) => v.value), cluster.model.nodes.map((n) => n.name));
  const silent = cluster.model.nodes.map((n) => n.name).filter((n) => !views.some((v) => v.node === n));
  return withDrbd(silent.length ? { ...status, warnings: [...status.warnings, `Pacemaker does not answer on ${silent.join(', ')}`] } : status, drbd);
}

/** terminal colour codes (select graphic rendition) */
// eslint-disable-next-line no-control-regex -- finding the escape character is the point
const SGR = /\x1b\[[0-9;]*m/g;

/** crm commands change the whole cluster's CIB: run them once, on any node that answers. */
async function crm(cluster: ClusterAccess, args: string[]): Promise<OperationResult> {
  const [via, transport] = anyNode(cluster);
  // -D plain keeps crm's own listings uncoloured; its log lines (INFO:, WARNING:) are coloured whatever it is told
  const command = `crm -D plain ${args.map(quote).join(' ')}`;
  const output = await mustRun(via, transport, command);
  return { via, command: `crm ${args.join(' ')}`, output: output.replace(SGR, '').trim() };
}

export const pacemakerRuntime: Runtime = {
  name: 'pacemaker',
  daemons: (model) => [
    { name: 'corosync', exe: '/usr/sbin/corosync', foreground: ['/usr/sbin/corosync', '-f'], service: 'corosync', prepare: 'mkdir -p /var/log/corosync /var/lib/corosync' },
    { name: 'pacemaker', exe: '/usr/sbin/pacemakerd', foreground: ['/usr/sbin/pacemakerd'], service: 'pacemaker', prepare: seedCibCommand(model) },
  ],
  bootstrap: bootstrapPacemaker,
  configuration: {
    path: (model) => configurationFile(model).path,
    ready: async (_node, t) => {
      const r = await t.exec(CRM_MON, { timeoutMs: 15_000 });
      return r.code === 0 && /<current_dc present="true"[^>]*with_quorum="true"/.test(r.stdout);
    },
    diff: configurationDiff,
    load: loadConfiguration,
  },
  status: pacemakerStatus,
  ownsServices: true,
  operations: {
    standby: (c, { node }) => crm(c, ['node', 'standby', resolveNode(c.model, node)]),
    online: (c, { node }) => crm(c, ['node', 'online', resolveNode(c.model, node)]),
    move: (c, { group, node }) => crm(c, ['resource', 'move', resolveGroup(c.model, group), resolveNode(c.model, node)]),
    unmove: (c, { group }) => crm(c, ['resource', 'clear', resolveGroup(c.model, group)]),
    stop: (c, { group }) => crm(c, ['resource', 'stop', resolveGroup(c.model, group)]),
    start: (c, { group }) => crm(c, ['resource', 'start', resolveGroup(c.model, group)]),
    cleanup: (c, { resource, node }) => crm(c, ['resource', 'cleanup', ...(resource ? [resource] : []), ...(node ? [resolveNode(c.model, node)] : [])]),
    'is-active': async (c, { group, node }) => {
      const name = resolveGroup(c.model, group);
      const transport = c.nodes.get(node);
      if (!transport) throw new RuntimeError('runtime-no-node', `${node} cannot be reached`);
      // the node's own view: on a partitioned node, what it runs is what matters for its jobs
      const view = parseCrmMon(await mustRun(node, transport, CRM_MON, 15_000), node, c.model.cluster);
      const g = view.groups.find((x) => x.name === name);
      const active = g?.runningOn.includes(node) ?? false;
      return { via: node, command: CRM_MON, output: `${name} ${active ? 'runs' : 'does not run'} on ${node}`, active };
    },
  },
};
