import type { ClusterAccess } from '../runtime/runtime.js';

const PROBE_TIMEOUT_MS = 5_000;

/**
 * The nodes among `nodes` whose connection is gone for good: an SSH session the node's sshd, a reboot or the
 * network ended. A command there fails at once with ssh-connection-lost; a node that is only slow or whose runtime
 * does not answer is not one of them (its connection still runs commands).
 */
export async function lostConnections(access: ClusterAccess, nodes: readonly string[]): Promise<string[]> {
  const lost = await Promise.all(nodes.map(async (node) => {
    const transport = access.nodes.get(node);
    if (!transport) return false;
    try {
      await transport.exec('true', { timeoutMs: PROBE_TIMEOUT_MS });
      return false;
    } catch (err) {
      return (err as { code?: string }).code === 'ssh-connection-lost';
    }
  }));
  return nodes.filter((_, i) => lost[i]);
}
