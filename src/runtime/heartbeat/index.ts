import { platformProfile } from '../../platform/profiles.js';
import { heartbeatPaths } from '../../render/heartbeat/paths.js';
import { RuntimeError } from '../errors.js';
import { readDrbdStatus, withDrbd } from '../drbd/read-status.js';
import { mergeViews } from '../merge-views.js';
import { mustRun, onEveryNode } from '../node-command.js';
import type { ClusterAccess, OperationResult, Runtime } from '../runtime.js';
import type { ClusterStatus } from '../status.js';
import { resolveGroup, resolveNode } from '../targets.js';
import { heartbeatGroups, parseNodeRead, readNodeScript } from './read-node.js';

async function heartbeatStatus(cluster: ClusterAccess): Promise<ClusterStatus> {
  const groups = heartbeatGroups(cluster.model, platformProfile(cluster.model.platform).haDir);
  const script = readNodeScript(groups);
  const [views, drbd] = await Promise.all([
    onEveryNode(cluster, async (node, t) => parseNodeRead(await mustRun(node, t, script, 20_000), node, cluster.model, groups)),
    readDrbdStatus(cluster),
  ]);
  if (views.length === 0) throw new RuntimeError('runtime-not-ready', `no node of ${cluster.model.cluster} answers`);
  const status = mergeViews(views.map((v) => v.value), cluster.model.nodes.map((n) => n.name));
  const stopped = views.filter((v) => v.value.nodes.find((n) => n.name === v.node)?.detail === 'heartbeat is not running').map((v) => v.node);
  return withDrbd(stopped.length ? { ...status, warnings: [...status.warnings, `heartbeat is not running on ${stopped.join(', ')}`] } : status, drbd);
}

/** hb_standby / hb_takeover act on the node they run on, for all of its resources (heartbeat v1 has no finer unit). */
async function onNode(cluster: ClusterAccess, node: string, program: 'hbStandby' | 'hbTakeover', arg: string): Promise<OperationResult> {
  const transport = cluster.nodes.get(resolveNode(cluster.model, node));
  if (!transport) throw new RuntimeError('runtime-no-node', `${node} cannot be reached`);
  const command = `${heartbeatPaths(platformProfile(cluster.model.platform))[program]} ${arg}`;
  const output = await mustRun(node, transport, command);
  return { via: node, command, output: output.trim() };
}

/** where heartbeat 3 records its master control process */
const HEARTBEAT_PID_FILE = '/run/heartbeat.pid';

const V1 = 'heartbeat v1 (haresources)';

export const heartbeatRuntime: Runtime = {
  name: 'heartbeat',
  daemons: (model) => {
    const exe = `${platformProfile(model.platform).heartbeatLibDir}/heartbeat`;
    // what the package's tmpfiles.d creates at boot; a node without an init system (the lab) needs it made
    const runDirs = ['/run/heartbeat', '/run/heartbeat/ccm', '/run/heartbeat/crm', '/run/heartbeat/dopd'];
    const dirs = `mkdir -p ${runDirs.join(' ')} && chown hacluster:haclient ${runDirs.join(' ')} && chmod 0750 ${runDirs.join(' ')}`;
    // heartbeat refuses to start while its pid file names a process that kill -0 finds, and a SIGKILLed heartbeat
    // stays a zombie where nothing reaps orphans (a container's PID 1): a pid file whose process is gone or a zombie
    // is stale, as heartbeat's own init script would judge it.
    const stalePid = `p=$(cat ${HEARTBEAT_PID_FILE} 2>/dev/null); if [ -n "$p" ]; then s=$(sed 's/.*) //' /proc/$p/stat 2>/dev/null | cut -c1); if [ -z "$s" ] || [ "$s" = Z ]; then rm -f ${HEARTBEAT_PID_FILE}; fi; fi`;
    // heartbeat starts on a node with every resource idle (its init script checks: ResourceManager verifyallidle);
    // a lab node whose heartbeat was killed does not reboot, so what a reboot would stop (the groups it held, their
    // VIPs) is given up first, or the node would keep a VIP its peer has taken over
    const rm = heartbeatPaths(platformProfile(model.platform)).resourceManager;
    const release = `for key in $(${rm} allkeys); do HA_DEBUGLOG=/dev/null ${rm} givegroup "$key"; done`;
    return [{ name: 'heartbeat', exe, foreground: [exe, '-f'], service: 'heartbeat', prepare: `${dirs} && { ${stalePid}; } && ${release}` }];
  },
  status: heartbeatStatus,
  ownsServices: true,
  restartAcrossHeal: true,
  operations: {
    // heartbeat v1's standby is a one-time hand-over of every resource the node holds (hb_standby), not a state
    standby: (c, { node }) => onNode(c, node, 'hbStandby', 'all'),
    online: async (c, { node }) => {
      resolveNode(c.model, node);
      if (c.model.heartbeat?.autoFailback) return onNode(c, node, 'hbTakeover', 'local');
      return { via: node, command: '(none)', output: `${V1} has no standby state to leave: ${node} can take resources again; with auto_failback off nothing moves back (use move to take them)` };
    },
    move: async (c, { group, node }) => {
      const name = resolveGroup(c.model, group);
      if (c.model.resources.length > 1) {
        throw new RuntimeError('runtime-refused', `${V1} moves all resources of a node at once (hb_takeover), not ${name} alone: use standby on the node holding it, or the pacemaker runtime`);
      }
      return onNode(c, node, 'hbTakeover', 'all');
    },
    unmove: { refused: `${V1} has no placement pin to drop: move is a one-time hb_takeover` },
    stop: { refused: `${V1} cannot stop one group while heartbeat runs: stop the cluster (hactl down) or use the pacemaker runtime` },
    start: { refused: `${V1} cannot start one group by hand: heartbeat starts every group on its node` },
    cleanup: { refused: `${V1} keeps no fail-counts or failed actions to clean up` },
    'is-active': async (c, { group, node }) => {
      const name = resolveGroup(c.model, group);
      const transport = c.nodes.get(node);
      if (!transport) throw new RuntimeError('runtime-no-node', `${node} cannot be reached`);
      const groups = heartbeatGroups(c.model, platformProfile(c.model.platform).haDir);
      const view = parseNodeRead(await mustRun(node, transport, readNodeScript(groups), 20_000), node, c.model, groups);
      const active = view.groups.find((g) => g.name === name)?.runningOn.includes(node) ?? false;
      return { via: node, command: 'cl_status + resource status', output: `${name} ${active ? 'runs' : 'does not run'} on ${node}`, active };
    },
  },
};
