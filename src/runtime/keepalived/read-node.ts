import type { ClusterModel } from '../../model/model.js';
import { parseCidr } from '../../model/network.js';
import type { GroupState, NodeView, ResourceState } from '../status.js';

export const KEEPALIVED_PID_FILE = '/run/keepalived.pid';
const JSON_FILE = '/tmp/keepalived.json';

/**
 * keepalived's own state dump: SIGJSON makes it write every VRRP instance (state, priorities, VIPs) to
 * /tmp/keepalived.json. The script waits (bounded) until the file is complete, then prints it after a marker line,
 * followed by the node's addresses.
 */
export const readNodeScript = [
  `pid=$(cat ${KEEPALIVED_PID_FILE} 2>/dev/null)`,
  'if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then',
  `  rm -f ${JSON_FILE}; kill -s "$(keepalived --signum=JSON)" "$pid"`,
  `  i=0; while [ $i -lt 40 ]; do if [ -s ${JSON_FILE} ] && tail -c 2 ${JSON_FILE} | grep -q ']'; then break; fi; sleep 0.05; i=$((i+1)); done`,
  `  echo '--json'; cat ${JSON_FILE} 2>/dev/null; echo`,
  'else echo "--stopped"; fi',
  `echo '--addr'; ip -o -4 addr show | awk '{ split($4, a, "/"); print a[1] }'`,
].join('\n');

// keepalived's VRRP states (vrrp.h): INIT 0, BACKUP 1, MASTER 2, FAULT 3
const STATES = ['INIT', 'BACKUP', 'MASTER', 'FAULT'] as const;

interface InstanceDump {
  data: { iname: string; state: number; effective_priority?: number; vips?: string[] };
}

export function parseNodeRead(output: string, reporter: string, model: ClusterModel): NodeView {
  const running = !output.includes('--stopped');
  const jsonText = /--json\n([\s\S]*?)\n--addr/.exec(output)?.[1]?.trim() ?? '';
  let dump: InstanceDump[] = [];
  if (running && jsonText) {
    try {
      dump = JSON.parse(jsonText) as InstanceDump[];
    } catch {
      dump = [];
    }
  }
  const addresses = new Set((output.split('--addr\n')[1] ?? '').split('\n').map((l) => l.trim()).filter(Boolean));
  const groups: GroupState[] = model.vrrp.filter((v) => v.nodes.some((n) => n.node === reporter)).map((v) => {
    const state = dump.find((d) => d.data.iname === v.name)?.data.state;
    const word = state === undefined ? (running ? 'unknown' : 'stopped') : (STATES[state] ?? 'unknown');
    const master = word === 'MASTER';
    const vips = [...v.vips, ...v.excludedVips].map((a) => parseCidr(a.includes('/') ? a : `${a}/32`).address);
    const held = vips.filter((a) => addresses.has(a));
    const resources: ResourceState[] = [{
      name: v.name, agent: `vrrp (${word})`, role: master ? 'started' : 'stopped', node: reporter,
      managed: true, disabled: false, failed: word === 'FAULT',
    }];
    return { name: v.name, kind: 'vrrp', runningOn: master && held.length > 0 ? [reporter] : [], disabled: false, resources };
  });
  return {
    cluster: model.cluster,
    runtime: 'keepalived',
    reporter,
    membership: false,
    // VRRP has no membership: a node is online when its keepalived runs, and it knows nothing of its peers
    nodes: [{ name: reporter, state: running ? 'online' : 'offline', ...(running ? {} : { detail: 'keepalived is not running' }), seenBy: [reporter] }],
    links: [],
    groups,
    failedActions: [],
    failCounts: [],
  };
}
