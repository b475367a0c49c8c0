import type { ClusterModel, PrimitiveModel } from '../../model/model.js';
import { quote } from '../../transport/shell.js';
import type { GroupState, LinkState, NodeState, NodeView, ResourceState } from '../status.js';

/** A haresources member and how to ask whether it runs on a node: its address, or its script's `status`. */
interface Probe {
  name: string;
  agent: string;
  vip?: string;
  script?: string;
}

function probeOf(p: PrimitiveModel, haDir: string): Probe {
  if (p.kind === 'vip') return { name: p.name, agent: 'IPaddr', vip: p.ip };
  const script = p.kind === 'service' ? p.service : p.kind === 'lsb' ? p.script : p.name;
  // heartbeat looks in resource.d first, then the init scripts
  return { name: p.name, agent: `heartbeat:${script}`, script: `if [ -x ${quote(`${haDir}/resource.d/${script}`)} ]; then ${quote(`${haDir}/resource.d/${script}`)} status; else ${quote(`/etc/init.d/${script}`)} status; fi` };
}

export interface HeartbeatGroup {
  name: string;
  probes: Probe[];
}

export function heartbeatGroups(model: ClusterModel, haDir = '/etc/ha.d'): HeartbeatGroup[] {
  return model.resources.map((r) => ({ name: r.name, probes: (r.kind === 'group' ? r.members : [r]).map((m) => probeOf(m, haDir)) }));
}

/**
 * One shell run per node prints everything heartbeat's own client (cl_status) knows, the node's addresses, and each
 * member's status the way heartbeat's ResourceManager reads it (the words "running"/"not running", not the exit code).
 */
export function readNodeScript(groups: readonly HeartbeatGroup[]): string {
  const lines = [
    'if cl_status hbstatus >/dev/null 2>&1; then echo "hbstatus running"; else echo "hbstatus stopped"; fi',
    'for n in $(cl_status listnodes 2>/dev/null); do',
    '  echo "node $n $(cl_status nodetype "$n" 2>/dev/null) $(cl_status nodestatus "$n" 2>/dev/null)"',
    '  for l in $(cl_status listhblinks "$n" 2>/dev/null); do echo "link $n $l $(cl_status hblinkstatus "$n" "$l" 2>/dev/null)"; done',
    'done',
    "ip -o -4 addr show | awk '{ split($4, a, \"/\"); print \"addr\", $2, a[1] }'",
  ];
  groups.forEach((g, gi) => g.probes.forEach((p, pi) => {
    if (p.script) lines.push(`out=$( (${p.script}) 2>&1 | tr '\\n' ' '); echo "svc ${gi} ${pi} $out"`);
  }));
  return lines.join('\n');
}

const heartbeatSaysRunning = (text: string): boolean => !/not\s*running/i.test(text) && /running|OK/i.test(text);

/** The printout of readNodeScript on one node → that node's view. */
export function parseNodeRead(output: string, reporter: string, model: ClusterModel, groups: readonly HeartbeatGroup[]): NodeView {
  const rows = output.split('\n').map((l) => l.trim().split(/\s+/)).filter((r) => r[0]);
  const running = rows.some((r) => r[0] === 'hbstatus' && r[1] === 'running');
  const names = model.nodes.map((n) => n.name);
  const nodes: NodeState[] = names.map((name) => {
    const row = rows.find((r) => r[0] === 'node' && r[1] === name);
    if (!running) return { name, state: name === reporter ? 'offline' : 'unknown', ...(name === reporter ? { detail: 'heartbeat is not running' } : {}), seenBy: [reporter] };
    const status = row?.[3] ?? 'dead';
    return { name, state: status === 'active' || status === 'up' ? 'online' : 'offline', ...(status !== 'active' && status !== 'dead' ? { detail: status } : {}), seenBy: [reporter] };
  });
  // heartbeat reports the node's own links as dead (it never hears itself): only links to peers count
  const links: LinkState[] = rows
    .filter((r) => r[0] === 'link' && names.includes(r[1]!) && r[1] !== reporter)
    .map((r) => ({ node: reporter, peer: r[1]!, link: r[2]!, status: r[3] === 'up' ? 'up' : 'down' }));
  const addresses = new Set(rows.filter((r) => r[0] === 'addr').map((r) => r[2]));
  const svc = (gi: number, pi: number) => rows.find((r) => r[0] === 'svc' && r[1] === String(gi) && r[2] === String(pi))?.slice(3).join(' ') ?? '';
  const states: GroupState[] = groups.map((g, gi) => {
    const resources: ResourceState[] = g.probes.map((p, pi) => {
      const up = p.vip ? addresses.has(p.vip) : heartbeatSaysRunning(svc(gi, pi));
      return { name: p.name, agent: p.agent, role: up ? 'started' : 'stopped', ...(up ? { node: reporter } : {}), managed: true, disabled: false, failed: false };
    });
    const runs = resources.every((r) => r.role === 'started');
    return { name: g.name, kind: 'group', runningOn: runs ? [reporter] : [], disabled: false, resources };
  });
  return { cluster: model.cluster, runtime: 'heartbeat', reporter, nodes, links, groups: states, failedActions: [], failCounts: [] };
}
