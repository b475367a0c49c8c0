import type { ProviderName } from '../../src/provider/provider.js';
import { untilSignal } from './until-signal.js';

export async function exporterCommand(stack: string, options: { listen: string; interval: string; provider?: ProviderName }): Promise<number> {
  const { parseListen } = await import('../../src/observe/metrics/listen.js');
  const { startExporter } = await import('../../src/observe/metrics/exporter.js');
  const exporter = await startExporter(stack, {
    listen: parseListen(options.listen),
    intervalMs: Number(options.interval) * 1000,
    ...(options.provider ? { provider: options.provider } : {}),
  });
  process.stderr.write(`metrics of ${stack} (${exporter.runtime} on ${exporter.where}) at http://${exporter.address}/metrics\n`);
  await untilSignal();
  await exporter.close();
  return 0;
}
