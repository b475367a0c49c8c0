import { HactlError } from '../diagnostics/index.js';
import type { ProviderName } from '../provider/provider.js';
import type { ClusterStatus } from '../runtime/status.js';
import { holdersOf, liveAddresses, macsByNode, serviceEndpoints } from './endpoints.js';
import { cutLink, killRuntime, killService, nicForVip, partitionUdp, type Fault, type InjectedFault } from './faults.js';
import { waitHealthy } from './health.js';
import { openCluster, type OpenCluster } from './open-cluster.js';
import { startVipProbe, type ProbeAnswer } from './vip-probe.js';

export interface FailoverReport {
  service: string;
  vip: string;
  fault: Fault;
  from: string;
  to: string;
  /** from the fault to the first answer on the VIP from another node (for a killed service: from the service again) */
  ms: number;
  /** partition-udp: what each side runs while the partition lasts (both may run the group: a split brain) */
  sides?: { node: string; runs: string[] }[];
}

export interface FailoverOptions {
  fault: Fault;
  service?: string;
  timeoutMs?: number;
  intervalMs?: number;
  /** how long the cluster may take to settle, before the fault and after restoring; default 120 s */
  settleTimeoutMs?: number;
}

/** What every node's own view says it runs, while nodes cannot see each other. */
function sidesOf(status: ClusterStatus): { node: string; runs: string[] }[] {
  return status.reportedBy.map((node) => ({ node, runs: status.groups.filter((g) => g.runningOn.includes(node)).map((g) => g.name) }));
}

/**
 * One measurement: from a steady cluster, a fault on the node holding the VIP, then the time until the client
 * (the lab's client namespace, or this host for VMs and servers) gets an answer from another node. The node is
 * always put back (daemons restarted, link raised, rules removed) and the cluster waited for until steady again,
 * so runs can follow each other.
 */
export async function measureFailover(cluster: OpenCluster, options: FailoverOptions): Promise<FailoverReport> {
  const { model, access, runtime, session } = cluster;
  const endpoints = serviceEndpoints(model);
  const endpoint = options.service ? endpoints.find((e) => e.name === options.service) : endpoints[0];
  if (!endpoint) throw new HactlError('lab-no-vip', options.service ? `no service named ${options.service}` : 'the stack has no VIP to fail over');
  if (options.fault === 'service' && endpoint.port === undefined) throw new HactlError('lab-bad-request', `${endpoint.name} has no known port to kill a service on`);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const settleMs = options.settleTimeoutMs ?? 120_000;

  await waitHealthy(access, runtime, settleMs, 'before the fault');
  const [from] = holdersOf(await liveAddresses(access.nodes), endpoint.vip);
  if (!from) throw new HactlError('lab-not-healthy', `no node holds ${endpoint.vip}: is the cluster up?`);
  const macs = await macsByNode(model, access.nodes);
  const nodeOf = (a: ProbeAnswer) => (a.text && model.nodes.some((n) => n.name === a.text) ? a.text : a.mac ? macs.get(a.mac.toLowerCase()) : undefined);
  // With a known port the service itself must answer: a refusal only proves the VIP moved, not that the group runs.
  const answered = (a: ProbeAnswer) => endpoint.port === undefined || a.connected;
  const probe = startVipProbe(session.client, endpoint.vip, endpoint.port ?? 9, options.intervalMs ?? 10, timeoutMs + 30_000);
  let injected: InjectedFault | undefined;
  let report: FailoverReport | undefined;
  let failure: unknown;
  try {
    const baseline = await probe.next((a) => answered(a) && nodeOf(a) === from, 15_000);
    if (!baseline) throw new HactlError('lab-not-healthy', `the client does not reach ${endpoint.vip} on ${from}`);
    const faultAt = performance.timeOrigin + performance.now();
    injected =
      options.fault === 'kill' ? await killRuntime(cluster, from)
      : options.fault === 'link' ? await cutLink(cluster, from, nicForVip(model, from, endpoint.vip))
      : options.fault === 'service' ? await killService(cluster, from, endpoint.port!)
      : await partitionUdp(cluster, from);
    // A killed service is restarted in place by its monitor (until migration-threshold): then the service answering
    // again, wherever, is the recovery; for node, link and partition faults it must be another node.
    // Only attempts begun once the fault is in place count: injecting takes a moment (finding the process, a command
    // on the node), and a connection accepted meanwhile says nothing of the recovery.
    const inPlaceAt = performance.timeOrigin + performance.now();
    const recovered = options.fault === 'service'
      ? (a: ProbeAnswer) => a.sent > inPlaceAt && answered(a)
      : (a: ProbeAnswer) => a.sent > inPlaceAt && answered(a) && nodeOf(a) !== undefined && nodeOf(a) !== from;
    const answer = await probe.next(recovered, timeoutMs);
    if (!answer) throw new HactlError('lab-not-healthy', `${endpoint.vip} did not recover within ${Math.round(timeoutMs / 1000)} s after ${injected.detail}`);
    report = { service: endpoint.name, vip: endpoint.vip, fault: options.fault, from, to: nodeOf(answer) ?? from, ms: answer.at - faultAt };
    if (options.fault === 'partition-udp') report.sides = sidesOf(await runtime.status(access));
  } catch (err) {
    failure = err;
  } finally {
    probe.stop();
  }
  // Put back even after a failed measurement: a node left without its runtime, link or rules fails every later run.
  try {
    await injected?.restore();
    await waitHealthy(access, runtime, settleMs, `after restoring ${from}`);
  } catch (err) {
    if (!failure) throw err;
    failure = new HactlError('lab-not-healthy', `${(failure as Error).message}; then ${(err as Error).message}`, { cause: failure });
  }
  if (failure || !report) throw failure;
  return report;
}

export interface FailoverSeries {
  runs: FailoverReport[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export function summarize(runs: FailoverReport[]): FailoverSeries {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const mid = Math.floor(ms.length / 2);
  return { runs, medianMs: ms.length % 2 ? ms[mid]! : (ms[mid - 1]! + ms[mid]!) / 2, minMs: ms[0]!, maxMs: ms.at(-1)! };
}

/** `hactl test failover STACK [--repeat N]`: N measurements back to back on the running cluster. */
export async function testFailover(stack: string, options: FailoverOptions & { provider?: ProviderName; repeat?: number; onRun?: (r: FailoverReport) => void }): Promise<FailoverSeries> {
  const cluster = await openCluster(stack, options.provider);
  try {
    const runs: FailoverReport[] = [];
    for (let i = 0; i < (options.repeat ?? 1); i++) {
      const r = await measureFailover(cluster, options);
      options.onRun?.(r);
      runs.push(r);
    }
    return summarize(runs);
  } finally {
    await cluster.close();
  }
}
