import { LabError } from '../../netns/errors.js';
import type { Lab } from '../../netns/index.js';
import type { ClusterModel } from '../../model/model.js';
import type { RenderedFile } from '../../render/artifact.js';
import { killRuntime, killService, nicForVip, restartRuntime, type Fault } from './chaos.js';
import { runningRuntime } from './runtimes.js';
import { CLIENT, memberName } from './lab-spec.js';
import { macsByNode, serviceEndpoints, vipHolders } from './locate.js';
import { waitSettled } from './settle.js';
import { startVipProbe, type ProbeAnswer } from './vip-probe.js';

export interface FailoverReport {
  service: string;
  vip: string;
  fault: Fault;
  from: string;
  to: string;
  /** from the fault to the first answer on the VIP from another node (for a killed service: from the service again) */
  ms: number;
}

export interface FailoverOptions {
  fault: Fault;
  service?: string;
  timeoutMs?: number;
  intervalMs?: number;
  /** put the failed node back afterwards (restart its daemon, raise its link) and wait until the cluster has settled */
  restore?: boolean;
  files?: readonly RenderedFile[];
  /** how long the cluster may take to settle, before the fault and after restoring; default 60 s */
  settleTimeoutMs?: number;
}

/**
 * Injects a fault on the node holding a VIP and measures, from the lab's client, how long until another node answers.
 * It starts only from a settled cluster (runtime on every node, the VIP on exactly one, nothing moving) and, with
 * `restore`, returns only once the cluster has settled again, so runs can follow each other back to back.
 */
export async function testFailover(lab: Lab, model: ClusterModel, options: FailoverOptions): Promise<FailoverReport> {
  const endpoints = serviceEndpoints(model);
  const endpoint = options.service ? endpoints.find((e) => e.name === options.service) : endpoints[0];
  if (!endpoint) throw new LabError('lab-no-vip', options.service ? `no service named ${options.service}` : 'the stack has no VIP to fail over');
  if (options.fault === 'service' && endpoint.port === undefined) throw new LabError('lab-bad-request', `${endpoint.name} has no known port to kill a service on`);
  if (options.fault === 'kill' && options.restore && !options.files) throw new LabError('lab-bad-request', 'restoring a killed runtime needs the rendered files');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const settleMs = options.settleTimeoutMs ?? 60_000;

  await waitSettled(lab, model, settleMs, 'before the fault');
  const [from] = await vipHolders(lab, model, endpoint.vip);
  if (!from) throw new LabError('lab-not-healthy', `no node holds ${endpoint.vip}: is the cluster up?`);

  const macs = await macsByNode(lab, model);
  const nodeOf = (a: ProbeAnswer) => (a.text && model.nodes.some((n) => n.name === a.text) ? a.text : a.mac ? macs.get(a.mac.toLowerCase()) : undefined);
  // With a known port the service itself must answer: a refusal only proves the VIP moved, not that the group runs.
  const answered = (a: ProbeAnswer) => endpoint.port === undefined || a.connected;
  const nic = nicForVip(model, from, endpoint.vip);
  const probe = startVipProbe(lab, CLIENT, endpoint.vip, endpoint.port ?? 9, options.intervalMs ?? 10, timeoutMs + 30_000);
  let report: FailoverReport | undefined;
  let failure: unknown;
  try {
    const baseline = await probe.next((a) => answered(a) && nodeOf(a) === from, 10_000);
    if (!baseline) throw new LabError('lab-not-healthy', `the client does not reach ${endpoint.vip} on ${from}`);
    const faultAt = performance.timeOrigin + performance.now();
    if (options.fault === 'kill') killRuntime(lab, model, from);
    else if (options.fault === 'link') await lab.setLink(memberName(from), nic, 'down');
    else await killService(lab, from, endpoint.port!);
    // A killed service is restarted in place by its monitor (until migration-threshold): then the service answering
    // again, wherever, is the recovery; for node and link faults it must be another node.
    const recovered = options.fault === 'service'
      ? (a: ProbeAnswer) => a.at > faultAt && a.text !== undefined
      : (a: ProbeAnswer) => a.at > faultAt && answered(a) && nodeOf(a) !== undefined && nodeOf(a) !== from;
    const answer = await probe.next(recovered, timeoutMs);
    if (!answer) throw new LabError('lab-not-healthy', `${endpoint.vip} did not recover within ${Math.round(timeoutMs / 1000)} s`);
    report = { service: endpoint.name, vip: endpoint.vip, fault: options.fault, from, to: nodeOf(answer)!, ms: answer.at - faultAt };
  } catch (err) {
    failure = err;
  } finally {
    probe.stop();
  }
  if (options.restore) {
    try {
      await restore(lab, model, options, from, nic, settleMs);
    } catch (err) {
      if (!failure) throw err;
      failure = new LabError(failure instanceof LabError ? failure.code : 'lab-not-healthy', `${(failure as Error).message}; then ${(err as Error).message}`, { cause: failure });
    }
  }
  if (failure || !report) throw failure;
  return report;
}

// Runs after a failed measurement too: a node left without its runtime or link would fail every later run.
async function restore(lab: Lab, model: ClusterModel, options: FailoverOptions, from: string, nic: string, settleMs: number): Promise<void> {
  if (options.fault === 'kill' && runningRuntime(lab, model, from).length === 0) restartRuntime(lab, model, from, options.files!);
  if (options.fault === 'link') await lab.setLink(memberName(from), nic, 'up');
  await waitSettled(lab, model, settleMs, `after restoring ${from}`);
}
