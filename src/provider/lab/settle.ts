import { setTimeout as sleep } from 'node:timers/promises';
import type { Lab } from '../../netns/index.js';
import type { ClusterModel, RuntimeName } from '../../model/model.js';
import { parseCidr } from '../../model/network.js';
import { labAgentStatus } from './agent-status.js';
import { runningRuntime } from './runtimes.js';
import { LabError } from '../../netns/errors.js';
import { memberName } from './lab-spec.js';
import { serviceEndpoints } from './locate.js';

/** Why the cluster is not settled yet, or undefined once it is. */
type SettleCheck = (lab: Lab, model: ClusterModel, addresses: ReadonlyMap<string, ReadonlySet<string>>) => Promise<string | undefined>;

async function liveAddresses(lab: Lab, model: ClusterModel): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const node of model.nodes) out.set(node.name, new Set((await lab.addresses(memberName(node.name))).map((a) => a.address)));
  return out;
}

const holdersOf = (addresses: ReadonlyMap<string, ReadonlySet<string>>, vip: string): string[] =>
  [...addresses].filter(([, set]) => set.has(vip)).map(([node]) => node);

// A node's agent is in once it has left its start-up phase and hears every peer; a group has settled once it runs on
// exactly the node placement wants (so an auto-failback still under way is waited for, not measured by accident).
const agentSettled: SettleCheck = async (lab, model) => {
  for (const node of model.nodes) {
    let status;
    try {
      status = await labAgentStatus(lab, node.name);
    } catch (err) {
      return `the agent on ${node.name} does not answer: ${(err as Error).message}`;
    }
    if (status.phase !== 'active') return `the agent on ${node.name} is ${status.phase}`;
    const peer = status.nodes.find((n) => !n.self && n.status !== 'up');
    if (peer) return `${node.name} sees ${peer.name} ${peer.status}`;
    for (const group of status.groups.filter((g) => !g.disabled)) {
      if (group.runningOn.length !== 1) return `${node.name} sees ${group.name} running on ${group.runningOn.join(' and ') || 'no node'}`;
      if (group.target !== group.runningOn[0]) return `${node.name} moves ${group.name} from ${group.runningOn[0]} to ${group.target ?? 'nowhere'}`;
      const busy = Object.entries(group.states).find(([, state]) => state !== 'running');
      if (busy) return `${group.name} is ${busy[1]} on ${busy[0]}`;
    }
  }
  return undefined;
};

// VRRP elects the highest priority: with preemption on (and no tracking that shifts priorities) the VIPs belong on that
// node, so a restarted MASTER taking its VIPs back is waited for; otherwise any single holder is the settled state.
const vrrpSettled: SettleCheck = async (_lab, model, addresses) => {
  for (const instance of model.vrrp) {
    const predictable = !instance.nopreempt && instance.track.length === 0 && model.keepalived.scripts.length === 0;
    const master = [...instance.nodes].sort((a, b) => b.priority - a.priority)[0]?.node;
    for (const vip of [...instance.vips, ...instance.excludedVips].map((v) => parseCidr(v).address)) {
      const holders = holdersOf(addresses, vip);
      if (holders.length !== 1) return `${vip} of ${instance.name} is on ${holders.join(' and ') || 'no node'}`;
      if (predictable && master !== undefined && holders[0] !== master) return `${instance.name} is still on ${holders[0]}, not yet back on ${master}`;
    }
  }
  return undefined;
};

const checks: Partial<Record<RuntimeName, SettleCheck>> = { agent: agentSettled, keepalived: vrrpSettled };

/** Why the cluster is not in a steady state (runtime on every node, each VIP on one node, the runtime done moving). */
export async function unsettled(lab: Lab, model: ClusterModel): Promise<string | undefined> {
  for (const node of model.nodes) {
    if (runningRuntime(lab, model, node.name).length === 0) return `${model.runtime} is not running on ${node.name}`;
  }
  const addresses = await liveAddresses(lab, model);
  for (const endpoint of serviceEndpoints(model)) {
    const holders = holdersOf(addresses, endpoint.vip);
    if (holders.length !== 1) return `${endpoint.vip} is on ${holders.join(' and ') || 'no node'}`;
  }
  return checks[model.runtime]?.(lab, model, addresses);
}

/**
 * Waits until the cluster is steady: a failover is only measured from there, and a restored node is only "back" once
 * the runtime has taken it in again (a killed agent's leftover VIP released, a preempting MASTER back in charge).
 */
export async function waitSettled(lab: Lab, model: ClusterModel, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const reason = await unsettled(lab, model);
    if (reason === undefined) return;
    if (performance.now() > deadline) throw new LabError('lab-not-healthy', `${what}: the cluster did not settle within ${Math.round(timeoutMs / 1000)} s: ${reason}`);
    await sleep(100);
  }
}
