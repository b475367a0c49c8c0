import type { DrbdModel } from '../../model/model.js';
import { quote } from '../../transport/shell.js';
import { onEveryNode } from '../node-command.js';
import type { ClusterAccess } from '../runtime.js';
import type { ClusterStatus, DrbdState } from '../status.js';
import { parseDrbdStatus } from './parse-status.js';

const READ_TIMEOUT_MS = 20_000;

/** DRBD names a connection after the peer's `on` host; when it does not (or names it otherwise), the resource's other node is the peer. */
export function namePeers(state: DrbdState, res: DrbdModel): DrbdState {
  const others = res.hosts.map((h) => h.node).filter((n) => n !== state.node);
  const peers = state.peers.map((p) => (others.includes(p.peer) || others.length !== 1 ? p : { ...p, peer: others[0]! }));
  return { ...state, peers };
}

/**
 * Every DRBD resource of the stack on every node that answers, from `drbdadm status` there; undefined when the stack
 * has no DRBD. A resource missing from the tool's output is not up on that node (the tool's error says why).
 */
export async function readDrbdStatus(cluster: ClusterAccess): Promise<DrbdState[] | undefined> {
  const resources = cluster.model.drbd;
  if (resources.length === 0) return undefined;
  const views = await onEveryNode(cluster, async (node, t) => {
    const mine = resources.filter((r) => r.hosts.some((h) => h.node === node));
    if (mine.length === 0) return [];
    const r = await t.exec(`drbdadm status ${mine.map((m) => quote(m.name)).join(' ')}`, { timeoutMs: READ_TIMEOUT_MS });
    const parsed = parseDrbdStatus(r.stdout, node);
    const why = r.stderr.trim().split('\n').filter(Boolean);
    return mine.map((res): DrbdState => {
      const found = parsed.find((p) => p.resource === res.name);
      if (found) return namePeers(found, res);
      const detail = why.find((l) => l.includes(res.name)) ?? why[0] ?? `not in drbdadm status (exit ${r.code})`;
      return { resource: res.name, node, up: false, role: 'Unknown', disk: 'Unconfigured', peers: [], detail };
    });
  });
  const all = views.flatMap((v) => v.value);
  const order = (s: DrbdState) => resources.findIndex((r) => r.name === s.resource) * 1000 + cluster.model.nodes.findIndex((n) => n.name === s.node);
  return all.sort((a, b) => order(a) - order(b));
}

/** What an operator must act on: two Primaries (DRBD's split brain), a node that stopped replicating, a disk gone. */
export function drbdWarnings(states: readonly DrbdState[]): string[] {
  const out: string[] = [];
  for (const resource of [...new Set(states.map((s) => s.resource))]) {
    const mine = states.filter((s) => s.resource === resource);
    const primaries = mine.filter((s) => s.role === 'Primary').map((s) => s.node);
    if (primaries.length > 1) out.push(`DRBD ${resource} is Primary on ${primaries.join(', ')}`);
    for (const s of mine) {
      if (!s.up) out.push(`DRBD ${resource} is not up on ${s.node}${s.detail ? ` (${s.detail})` : ''}`);
      else if (s.disk === 'Diskless' || s.disk === 'Failed') out.push(`DRBD ${resource} on ${s.node} has no backing disk (${s.disk})`);
      for (const p of s.peers) if (p.connection === 'StandAlone') out.push(`DRBD ${resource} on ${s.node} is StandAlone: it does not replicate with ${p.peer}`);
    }
  }
  return out;
}

/** The status with the DRBD resources and their warnings added (unchanged when the stack has no DRBD). */
export function withDrbd(status: ClusterStatus, drbd: DrbdState[] | undefined): ClusterStatus {
  if (!drbd) return status;
  return { ...status, drbd, warnings: [...status.warnings, ...drbdWarnings(drbd)] };
}
