import type { ClusterModel } from '../model/model.js';
import { platformProfile } from '../platform/profiles.js';
import { CLUSTER_SCOPE, type RenderedFile } from '../render/artifact.js';
import { runtimeOf } from '../runtime/registry.js';
import type { Transport } from '../transport/transport.js';

/**
 * A cluster manager starts, stops and reloads its resources' services where they run: apply must never enable,
 * start or reload one of them on a node (it would run on both). What apply still does: the runtime's own daemons
 * and the host's firewall loader.
 */
export function serviceOwnership(model: ClusterModel, hactl: readonly string[] = []): (service: string) => string | undefined {
  const runtime = runtimeOf(model.runtime);
  if (!runtime.ownsServices) return () => undefined;
  const own = new Set([...runtime.daemons(model, { hactl }).map((d) => d.service), platformProfile(model.platform).firewallService]);
  return (service) => (own.has(service) ? undefined : `${service} is a resource of ${model.runtime}, which reloads it where it runs`);
}

export interface ConfigurationPlan {
  /** the node the cluster manager was asked on */
  node?: string;
  changes: string[];
  /** why nothing was compared (no cluster manager running, no configuration rendered) */
  skipped?: string;
}

function rendered(model: ClusterModel, files: readonly RenderedFile[]): string | undefined {
  const config = runtimeOf(model.runtime).configuration;
  return config && files.find((f) => f.node === CLUSTER_SCOPE && f.path === config.path(model))?.content;
}

async function readyNode(model: ClusterModel, transports: ReadonlyMap<string, Transport>): Promise<[string, Transport] | undefined> {
  const config = runtimeOf(model.runtime).configuration!;
  for (const node of model.nodes) {
    const t = transports.get(node.name);
    if (t && (await config.ready(node.name, t).catch(() => false))) return [node.name, t];
  }
  return undefined;
}

/** What loading the rendered configuration would change in the running cluster (a step of `plan`). */
export async function planConfiguration(model: ClusterModel, files: readonly RenderedFile[], transports: ReadonlyMap<string, Transport>): Promise<ConfigurationPlan | undefined> {
  const content = rendered(model, files);
  if (content === undefined) return undefined;
  const ready = await readyNode(model, transports);
  if (!ready) return { changes: [], skipped: `${model.runtime} does not run with quorum on any node: the configuration is loaded once it does (hactl up, or apply again)` };
  const [node, t] = ready;
  return { node, changes: await runtimeOf(model.runtime).configuration!.diff(model, node, t, content) };
}

/** After apply put the files in place: loads the configuration once, on one node, when it changes something. */
export async function applyConfiguration(model: ClusterModel, files: readonly RenderedFile[], transports: ReadonlyMap<string, Transport>): Promise<string | undefined> {
  const content = rendered(model, files);
  if (content === undefined) return undefined;
  const ready = await readyNode(model, transports);
  if (!ready) return `configuration not loaded: ${model.runtime} does not run with quorum on any node yet`;
  return runtimeOf(model.runtime).configuration!.load(model, ready[0], ready[1], content);
}
