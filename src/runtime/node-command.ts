import type { ExecResult, Transport } from '../transport/transport.js';
import { RuntimeError } from './errors.js';
import type { ClusterAccess } from './runtime.js';

const DEFAULT_TIMEOUT_MS = 30_000;
const tail = (r: ExecResult): string => (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join(' / ') || `exit ${r.code}`;

/** Runs a runtime's own command on a node; a non-zero exit becomes an error naming node, command and the tool's words. */
export async function mustRun(node: string, transport: Transport, command: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
  const r = await transport.exec(command, { timeoutMs });
  if (r.code !== 0) throw new RuntimeError('runtime-command-failed', `${node}: \`${command}\` failed: ${tail(r)}`);
  return r.stdout;
}

/** The same read-only command on every node at once; nodes that fail or do not answer are left out, not fatal. */
export async function onEveryNode<T>(cluster: ClusterAccess, read: (node: string, transport: Transport) => Promise<T>): Promise<{ node: string; value: T }[]> {
  const order = cluster.model.nodes.map((n) => n.name).filter((n) => cluster.nodes.has(n));
  const settled = await Promise.allSettled(order.map(async (node) => ({ node, value: await read(node, cluster.nodes.get(node)!) })));
  return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}

/** The first node (in stack order) that can be reached: where cluster-wide commands run. */
export function anyNode(cluster: ClusterAccess, prefer: readonly string[] = []): [string, Transport] {
  for (const name of [...prefer, ...cluster.model.nodes.map((n) => n.name)]) {
    const t = cluster.nodes.get(name);
    if (t) return [name, t];
  }
  throw new RuntimeError('runtime-no-node', `no node of ${cluster.model.cluster} can be reached`);
}
