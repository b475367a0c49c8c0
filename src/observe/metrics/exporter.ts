import { Registry } from 'prom-client';
import type { ProviderName } from '../../provider/provider.js';
import { ClusterWatch } from '../watch.js';
import { ClusterMetrics } from './cluster-metrics.js';
import type { ListenAddress } from './listen.js';
import { serveMetrics } from './serve.js';

export interface ExporterOptions {
  provider?: ProviderName;
  listen: ListenAddress;
  /** how often the runtime's status is read (scrapes answer from the last read); default 5 s */
  intervalMs?: number;
}

export interface RunningExporter {
  address: string;
  runtime: string;
  where: string;
  close(): Promise<void>;
}

/**
 * `hactl exporter STACK`: the agent's metric names for any runtime (keepalived, heartbeat, Pacemaker, or the agent
 * seen from outside), read from the runtime layer's status model over the lab, Vagrant or SSH.
 */
export async function startExporter(stack: string, options: ExporterOptions): Promise<RunningExporter> {
  const watch = await ClusterWatch.open(stack, { ...(options.provider ? { provider: options.provider } : {}), intervalMs: options.intervalMs ?? 5000 });
  const registry = new Registry();
  const metrics = new ClusterMetrics(registry);
  try {
    await watch.start();
    const server = await serveMetrics(options.listen, async () => {
      metrics.update(watch.latest().status, watch.tracker.counters());
      return { body: await registry.metrics(), contentType: registry.contentType };
    });
    return {
      address: server.address,
      runtime: watch.cluster.model.runtime,
      where: watch.cluster.session.where,
      close: async () => {
        await server.close();
        await watch.stop();
      },
    };
  } catch (err) {
    await watch.stop();
    throw err;
  }
}
