import { applyStack, type ApplyReport, type ServiceController } from '../apply/index.js';
import type { ClusterModel } from '../model/model.js';
import { HactlError } from '../diagnostics/index.js';
import type { RenderResult } from '../render/render-stack.js';
import type { Transport } from '../transport/transport.js';
import type { ProviderEvent } from './provider.js';

// The runtime is started after every file is in place (operations/up): nothing runs yet that could reload.
const startedLater: ServiceController = { run: async () => undefined };

/**
 * Every provider puts files on its machines the way `apply` does on real servers (users first, atomic writes, each
 * file checked by the node's own tool before it goes live), through whatever transport reaches the node.
 */
export async function pushFiles(
  model: ClusterModel,
  rendered: Pick<RenderResult, 'files'>,
  transports: ReadonlyMap<string, Transport>,
  onEvent: (e: ProviderEvent) => void,
  services: ServiceController = startedLater,
): Promise<ApplyReport> {
  const report = await applyStack({ model, result: rendered, transports, services });
  if (!report.ok) {
    const failed = report.nodes.filter((t) => t.status === 'failed' || t.status === 'skipped').map((t) => `${t.node}: ${t.error?.message ?? t.status}`);
    throw new HactlError('apply-write-failed', `putting the files in place failed: ${failed.join('; ')}`);
  }
  for (const node of report.nodes) {
    const target = transports.get(node.via)?.target ?? '';
    onEvent({ type: 'files-in-place', node: node.node, count: node.files.length, how: target.startsWith('lab:') ? 'inside the lab node' : 'over SSH', ms: node.durationMs });
  }
  return report;
}
