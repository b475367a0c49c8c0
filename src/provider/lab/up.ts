import { LabError } from '../../netns/errors.js';
import { createLab, destroyLab, openLab, type Lab } from '../../netns/index.js';
import type { ClusterModel } from '../../model/model.js';
import type { RenderResult } from '../../render/render-stack.js';
import { CLUSTER_SCOPE } from '../../render/artifact.js';
import { labName, labSpecFor, memberName } from './lab-spec.js';
import { serviceEndpoints, vipHolders } from './locate.js';
import { placeFiles } from './place-files.js';
import { pushOverSsh } from './push-over-ssh.js';
import { runtimeSupported, startRuntime } from './runtimes.js';

export type UpEvent =
  | { type: 'lab-created'; lab: string; ms: number }
  | { type: 'files-placed'; node: string; count: number }
  | { type: 'files-pushed'; node: string; count: number; ms: number }
  | { type: 'runtime-started'; node: string; pid: number }
  | { type: 'healthy'; placement: Placement[]; ms: number };

export interface Placement {
  name: string;
  vip: string;
  node?: string;
}

export interface UpResult {
  lab: string;
  placement: Placement[];
  totalMs: number;
}

export interface UpOptions {
  onEvent?: (event: UpEvent) => void;
  /** how long the cluster may take to place every VIP on exactly one node */
  healthyTimeoutMs?: number;
}

/**
 * Builds the stack on the local namespace lab: networks as bridges, nodes as namespaces with the stack's NIC names and
 * addresses, the rendered files in each node's private filesystem (placed directly, or pushed with `apply` over a real
 * sshd per node when the stack gives nodes `ssh:`), the runtime daemon per node; returns once every
 * VIP answers from exactly one node. A lab of the same name left by a crash is torn down first.
 */
export async function labUp(model: ClusterModel, rendered: RenderResult, options: UpOptions = {}): Promise<UpResult> {
  if (!runtimeSupported(model.runtime)) throw new LabError('lab-runtime-unsupported', `the lab cannot run runtime '${model.runtime}' yet`);
  const emit = options.onEvent ?? (() => undefined);
  const started = performance.now();
  const lab = await createLab(labSpecFor(model, rendered.files));
  emit({ type: 'lab-created', lab: lab.name, ms: performance.now() - started });
  try {
    if (model.nodes.some((n) => n.ssh)) {
      const report = await pushOverSsh(lab, model, rendered, lab.spec.clients?.[0]?.name ?? memberName(model.nodes[0]!.name));
      for (const node of report.nodes) emit({ type: 'files-pushed', node: node.node, count: node.files.length, ms: node.durationMs });
    } else {
      for (const node of model.nodes) {
        const files = rendered.files.filter((f) => f.node === node.name || f.node === CLUSTER_SCOPE);
        await placeFiles(lab, node.name, files);
        emit({ type: 'files-placed', node: node.name, count: files.length });
      }
    }
    for (const node of model.nodes) {
      const daemon = startRuntime(lab, model, node.name, rendered.files);
      daemon.unref();
      emit({ type: 'runtime-started', node: node.name, pid: daemon.pid });
    }
    const placement = await waitHealthy(lab, model, options.healthyTimeoutMs ?? 60_000);
    emit({ type: 'healthy', placement, ms: performance.now() - started });
    return { lab: lab.name, placement, totalMs: performance.now() - started };
  } catch (e) {
    await lab.destroy().catch(() => undefined);
    throw e;
  }
}

export async function waitHealthy(lab: Lab, model: ClusterModel, timeoutMs: number): Promise<Placement[]> {
  const deadline = performance.now() + timeoutMs;
  const endpoints = serviceEndpoints(model);
  for (;;) {
    const placement = await currentPlacement(lab, model);
    if (placement.every((p) => p.node !== undefined)) return placement;
    if (performance.now() > deadline) {
      const missing = placement.filter((p) => !p.node).map((p) => `${p.name} (${p.vip})`);
      throw new LabError('lab-not-healthy', `cluster not healthy after ${Math.round(timeoutMs / 1000)} s: no single node holds ${missing.join(', ')} (lab logs: /run/hactl/lab/${lab.name}/logs)`);
    }
    await new Promise((r) => setTimeout(r, endpoints.length ? 100 : 0));
  }
}

export async function currentPlacement(lab: Lab, model: ClusterModel): Promise<Placement[]> {
  const out: Placement[] = [];
  for (const endpoint of serviceEndpoints(model)) {
    const holders = await vipHolders(lab, model, endpoint.vip);
    out.push({ name: endpoint.name, vip: endpoint.vip, node: holders.length === 1 ? holders[0] : undefined });
  }
  return out;
}

/** Removes everything the lab made; safe twice and after a crash. */
export async function labDown(model: Pick<ClusterModel, 'cluster'>): Promise<{ lab: string; existed: boolean; killed: number }> {
  const name = labName(model);
  const report = await destroyLab(name);
  return { lab: name, existed: report.existed, killed: report.killed.length };
}

export function openStackLab(model: Pick<ClusterModel, 'cluster'>): Lab {
  return openLab(labName(model));
}

export { memberName };
