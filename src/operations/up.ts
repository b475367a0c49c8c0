import { HactlError } from '../diagnostics/index.js';
import { primaryNodes } from '../apply/order.js';
import type { ClusterModel } from '../model/model.js';
import { allPrimitives } from '../model/normalize.js';
import { renderValidated } from '../pipeline/render-validated.js';
import type { ProviderName, ProviderOptions } from '../provider/provider.js';
import { providers } from '../provider/registry.js';
import { runtimeOf } from '../runtime/registry.js';
import type { ClusterAccess, Runtime } from '../runtime/runtime.js';
import type { TranslationItem } from '../translate/index.js';
import type { OperationEventHandler } from './events.js';
import { waitHealthy, type Placement } from './health.js';

export interface UpOptions {
  provider?: ProviderName;
  providerOptions?: ProviderOptions;
  onEvent?: OperationEventHandler;
  env?: NodeJS.ProcessEnv;
  /** how long the runtime may take to form the cluster and place every group; default 120 s (Vagrant: 300 s), or the slowest group's start timeouts when longer */
  healthyTimeoutMs?: number;
}

export interface UpResult {
  cluster: string;
  runtime: string;
  where: string;
  placement: Placement[];
  translations: TranslationItem[];
  totalMs: number;
}

/** Nodes in the order their daemons start: the preferred ones first (the first to form the cluster leads it). */
export function startOrder(model: ClusterModel): string[] {
  const primaries = primaryNodes(model);
  const names = model.nodes.map((n) => n.name);
  return [...names.filter((n) => primaries.has(n)), ...names.filter((n) => !primaries.has(n))];
}

/**
 * The longest a group may take to start by the stack's own start timeouts (its members start one after another):
 * `up` waits at least that long, or it would give up on a start the stack allows (Tomcat's on emulated VMs).
 */
export function longestStartMs(model: Pick<ClusterModel, 'resources'>): number {
  const byGroup = new Map<string, number>();
  for (const p of allPrimitives(model)) {
    const key = p.group ?? p.name;
    byGroup.set(key, (byGroup.get(key) ?? 0) + (p.ops.find((o) => o.name === 'start')?.timeoutMs ?? 0));
  }
  return Math.max(0, ...byGroup.values());
}

export async function startRuntime(cluster: ClusterAccess, runtime: Runtime, onEvent: OperationEventHandler, nodes = startOrder(cluster.model)): Promise<void> {
  const daemons = runtime.daemons(cluster.model, { hactl: cluster.hactl });
  for (const node of nodes) {
    for (const daemon of daemons) {
      await cluster.daemons.start(node, daemon);
      onEvent({ type: 'daemon-started', node, daemon: daemon.name });
    }
  }
}

/**
 * `hactl up`: validate → retarget to the provider's platform → render → the provider builds the machines and puts
 * the files in place → the runtime's daemons start on every node (preferred node first) → the runtime's cluster-wide
 * step (e.g. Pacemaker's configuration once there is a DC) → wait until the cluster is steady. A lab that fails half
 * way is taken down again; VMs and servers are left for inspection.
 */
export async function up(stack: string, options: UpOptions = {}): Promise<UpResult> {
  const started = performance.now();
  const emit = options.onEvent ?? (() => undefined);
  const provider = providers[options.provider ?? 'lab'];
  const rendered = await renderValidated(stack, { ...(options.env ? { env: options.env } : {}), ...(provider.platform ? { platform: provider.platform } : {}) });
  for (const item of rendered.translations) emit({ type: 'translated', item });
  if (!rendered.result) throw HactlError.from(rendered.diagnostics.filter((d) => d.severity === 'error'));
  for (const d of rendered.diagnostics) emit({ type: 'warning', diagnostic: d });
  const { model, result } = rendered;
  const runtime = runtimeOf(model.runtime);
  await provider.provision({ model, rendered: result, onEvent: emit, ...(options.providerOptions ? { options: options.providerOptions } : {}) });
  let session;
  try {
    session = await provider.connect(model);
    const cluster: ClusterAccess = { model, nodes: session.nodes, daemons: session.daemons, hactl: session.hactl };
    await startRuntime(cluster, runtime, emit);
    // emulated VMs (no KVM) start processes ~30x slower: every status call there costs seconds
    const timeoutMs = options.healthyTimeoutMs ?? Math.max(provider.name === 'vagrant' ? 300_000 : 120_000, longestStartMs(model));
    for (const line of (await runtime.bootstrap?.(cluster, { timeoutMs })) ?? []) emit({ type: 'bootstrap', line });
    const health = await waitHealthy(cluster, runtime, timeoutMs, `${model.cluster} on ${session.where}`);
    const totalMs = performance.now() - started;
    emit({ type: 'healthy', placement: health.placement, ms: totalMs });
    return { cluster: model.cluster, runtime: model.runtime, where: session.where, placement: health.placement, translations: rendered.translations, totalMs };
  } catch (e) {
    if (provider.name === 'lab') await provider.destroy(model).catch(() => undefined);
    throw e;
  } finally {
    await session?.close();
  }
}
