import { HactlError } from '../diagnostics/index.js';
import type { ClusterModel } from '../model/model.js';
import { validateStacks } from '../pipeline/validate.js';
import type { Provider, ProviderName, ProviderSession } from '../provider/provider.js';
import { providers } from '../provider/registry.js';
import { runtimeOf } from '../runtime/registry.js';
import type { ClusterAccess, Runtime } from '../runtime/runtime.js';

/** A running cluster, reached through its provider: what every operation after `up` works on. */
export interface OpenCluster {
  model: ClusterModel;
  provider: Provider;
  runtime: Runtime;
  session: ProviderSession;
  access: ClusterAccess;
  close(): Promise<void>;
}

/** The stack as its machines run it: retargeted to the provider's platform, as `up` rendered it. */
export async function stackFor(stack: string, provider: Provider): Promise<ClusterModel> {
  const [validated] = await validateStacks([stack], { resolveSecrets: false, ...(provider.platform ? { platform: provider.platform } : {}) });
  if (!validated?.model) throw HactlError.from(validated?.diagnostics.filter((d) => d.severity === 'error') ?? []);
  return validated.model;
}

/**
 * Which provider runs the stack when none is named: its lab if that is up, its Vagrant machines if they exist,
 * its servers when every node has an `ssh:` endpoint.
 */
export async function findProvider(stack: string): Promise<Provider> {
  for (const name of ['lab', 'vagrant'] as const) {
    const provider = providers[name];
    if (await provider.exists(await stackFor(stack, provider))) return provider;
  }
  if (await providers.ssh.exists(await stackFor(stack, providers.ssh))) return providers.ssh;
  throw new HactlError('runtime-no-node', `${stack}: no lab or Vagrant machines of this stack run here, and its nodes have no ssh: endpoints`, {
    hint: 'bring it up first (hactl up STACK, or --provider vagrant), or give the nodes ssh: endpoints',
  });
}

export async function openCluster(stack: string, providerName?: ProviderName): Promise<OpenCluster> {
  const provider = providerName ? providers[providerName] : await findProvider(stack);
  const model = await stackFor(stack, provider);
  const session = await provider.connect(model);
  const access: ClusterAccess = { model, nodes: session.nodes, daemons: session.daemons, hactl: session.hactl };
  return { model, provider, runtime: runtimeOf(model.runtime), session, access, close: () => session.close() };
}
