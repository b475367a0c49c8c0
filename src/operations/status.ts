import type { ProviderName } from '../provider/provider.js';
import type { ClusterStatus } from '../runtime/status.js';
import { openCluster } from './open-cluster.js';

/** The cluster as every reachable node's runtime reports it, merged into the one status model. */
export async function clusterStatus(stack: string, options: { provider?: ProviderName } = {}): Promise<ClusterStatus> {
  const cluster = await openCluster(stack, options.provider);
  try {
    return await cluster.runtime.status(cluster.access);
  } finally {
    await cluster.close();
  }
}
