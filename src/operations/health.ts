import { setTimeout as sleep } from 'node:timers/promises';
import { HactlError } from '../diagnostics/index.js';
import type { ClusterAccess, Runtime } from '../runtime/runtime.js';
import type { ClusterStatus } from '../runtime/status.js';
import { holdersOf, liveAddresses, serviceEndpoints } from './endpoints.js';

/** Where each group runs and which VIP it carries, as `up` prints it. */
export interface Placement {
  name: string;
  vip?: string;
  node?: string;
}

export interface Health {
  /** why the cluster is not steady, or undefined once it is */
  reason?: string;
  status?: ClusterStatus;
  placement: Placement[];
}

/**
 * Steady: the runtime answers on every node, every node is a member, nothing is flagged (split brain, a group on two
 * nodes), every group runs on exactly one node (a promotable clone promoted on one), each VIP is on exactly one node,
 * and the runtime itself is done moving. `up` waits for it; a failover is measured only from it.
 */
export async function checkHealth(cluster: ClusterAccess, runtime: Runtime): Promise<Health> {
  const endpoints = serviceEndpoints(cluster.model);
  const addresses = await liveAddresses(cluster.nodes);
  const placement: Placement[] = [];
  let status: ClusterStatus;
  try {
    status = await runtime.status(cluster);
  } catch (e) {
    if (e instanceof HactlError) return { reason: e.message, placement };
    throw e;
  }
  for (const g of status.groups) {
    const vip = endpoints.find((e) => e.name === g.name)?.vip;
    const where = g.kind === 'promotable' ? g.promotedOn ?? [] : g.kind === 'clone' ? g.runningOn.slice(0, 1) : g.runningOn;
    placement.push({ name: g.name, ...(vip ? { vip } : {}), ...(where.length === 1 ? { node: where[0] } : {}) });
  }
  const reason = ((): string | undefined => {
    const missing = cluster.model.nodes.map((n) => n.name).filter((n) => !status.reportedBy.includes(n));
    if (missing.length) return `${missing.join(', ')} did not answer`;
    const away = status.nodes.find((n) => n.state !== 'online' && n.state !== 'standby');
    if (away) return `${away.name} is ${away.state}${away.detail ? ` (${away.detail})` : ''}`;
    if (status.warnings.length) return status.warnings[0];
    for (const g of status.groups) {
      if (g.disabled) continue;
      if (g.kind === 'promotable' && (g.promotedOn?.length ?? 0) !== 1) return `${g.name} is promoted on ${g.promotedOn?.join(' and ') || 'no node'}`;
      if ((g.kind === 'group' || g.kind === 'primitive' || g.kind === 'vrrp') && g.runningOn.length !== 1) return `${g.name} runs on ${g.runningOn.join(' and ') || 'no node'}`;
    }
    for (const e of endpoints) {
      const holders = holdersOf(addresses, e.vip);
      if (holders.length !== 1) return `${e.vip} (${e.name}) is on ${holders.join(' and ') || 'no node'}`;
    }
    return runtime.unsettled?.(status, cluster.model);
  })();
  return { ...(reason ? { reason } : {}), status, placement };
}

export async function waitHealthy(cluster: ClusterAccess, runtime: Runtime, timeoutMs: number, what: string): Promise<Health> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const health = await checkHealth(cluster, runtime);
    if (health.reason === undefined) return health;
    if (performance.now() > deadline) {
      throw new HactlError('runtime-not-ready', `${what}: the cluster is not steady after ${Math.round(timeoutMs / 1000)} s: ${health.reason}`, {
        hint: 'hactl status STACK shows what each node reports; the daemons\' logs say why',
      });
    }
    await sleep(250);
  }
}
