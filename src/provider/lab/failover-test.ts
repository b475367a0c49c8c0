import { LabProviderError } from './errors.js';
import type { Lab } from '../../lab/index.js';
import type { ClusterModel } from '../../model/model.js';
import type { RenderedFile } from '../../render/artifact.js';
import { killRuntime, killService, nicForVip, restartRuntime, type Fault } from './chaos.js';
import { CLIENT, memberName } from './lab-spec.js';
import { macsByNode, serviceEndpoints, vipHolders } from './locate.js';
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
  /** put the failed node back afterwards (restart its daemon, raise its link) */
  restore?: boolean;
  files?: readonly RenderedFile[];
}

/** Injects a fault on the node holding a VIP and measures, from the lab's client, how long until another node answers. */
export async function testFailover(lab: Lab, model: ClusterModel, options: FailoverOptions): Promise<FailoverReport> {
  const endpoints = serviceEndpoints(model);
  const endpoint = options.service ? endpoints.find((e) => e.name === options.service) : endpoints[0];
  if (!endpoint) throw new LabProviderError(options.service ? `no service named ${options.service}` : 'the stack has no VIP to fail over');
  const [from] = await vipHolders(lab, model, endpoint.vip);
  if (!from) throw new LabProviderError(`no node holds ${endpoint.vip}: is the cluster up?`);
  if (options.fault === 'service' && endpoint.port === undefined) throw new LabProviderError(`${endpoint.name} has no known port to kill a service on`);

  const macs = await macsByNode(lab, model);
  const nodeOf = (a: ProbeAnswer) => (a.text && model.nodes.some((n) => n.name === a.text) ? a.text : a.mac ? macs.get(a.mac.toLowerCase()) : undefined);
  const probe = startVipProbe(lab, CLIENT, endpoint.vip, endpoint.port ?? 9, options.intervalMs ?? 10, (options.timeoutMs ?? 60_000) + 30_000);
  try {
    const baseline = await probe.next((a) => nodeOf(a) === from, 10_000);
    if (!baseline) throw new LabProviderError(`the client does not reach ${endpoint.vip} on ${from}`);
    const faultAt = performance.timeOrigin + performance.now();
    const nic = nicForVip(model, from, endpoint.vip);
    if (options.fault === 'kill') killRuntime(lab, model, from);
    else if (options.fault === 'link') await lab.setLink(memberName(from), nic, 'down');
    else await killService(lab, from, endpoint.port!);
    // A killed service is restarted in place by its monitor (until migration-threshold): then the service answering
    // again, wherever, is the recovery; for node and link faults it must be another node.
    const recovered = options.fault === 'service'
      ? (a: ProbeAnswer) => a.at > faultAt && a.text !== undefined
      : (a: ProbeAnswer) => a.at > faultAt && nodeOf(a) !== undefined && nodeOf(a) !== from;
    const answer = await probe.next(recovered, options.timeoutMs ?? 60_000);
    if (!answer) throw new LabProviderError(`${endpoint.vip} did not recover within ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s`);
    if (options.restore) {
      if (options.fault === 'kill' && options.files) restartRuntime(lab, model, from, options.files);
      if (options.fault === 'link') await lab.setLink(memberName(from), nic, 'up');
    }
    return { service: endpoint.name, vip: endpoint.vip, fault: options.fault, from, to: nodeOf(answer)!, ms: answer.at - faultAt };
  } finally {
    probe.stop();
  }
}
