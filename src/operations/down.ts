import type { DestroyReport, ProviderName } from '../provider/provider.js';
import { providers } from '../provider/registry.js';
import { findProvider, stackFor } from './open-cluster.js';

/** Removes what `up` made (the lab's namespaces and processes, the VMs), or stops the runtime on real servers. */
export async function down(stack: string, options: { provider?: ProviderName } = {}): Promise<DestroyReport & { provider: ProviderName }> {
  const provider = options.provider ? providers[options.provider] : await findProvider(stack).catch(() => providers.lab);
  const report = await provider.destroy(await stackFor(stack, provider));
  return { ...report, provider: provider.name };
}
