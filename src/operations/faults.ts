import { HactlError } from '../diagnostics/index.js';
import type { ClusterModel } from '../model/model.js';
import { inSubnet } from '../model/network.js';
import { quote } from '../transport/shell.js';
import type { Transport } from '../transport/transport.js';
import type { OpenCluster } from './open-cluster.js';
import { startRuntime } from './up.js';

export type Fault = 'kill' | 'link' | 'service' | 'partition-udp';

/** A fault in place, and how to take it back. */
export interface InjectedFault {
  fault: Fault;
  node: string;
  /** what was done, in words */
  detail: string;
  /** wall-clock ms when the fault took effect, when that is later than the call began (a lookup came first) */
  at?: number;
  restore(): Promise<void>;
}

const MARK = 'hactl-partition-udp';

function transportOf(cluster: OpenCluster, node: string): Transport {
  const t = cluster.session.nodes.get(node);
  if (!t) throw new HactlError('runtime-no-node', `${node} cannot be reached`);
  return t;
}

// An upper bound, not a wait: on emulated VMs (no KVM) a loaded guest took 14 s for `ip link set up` alone.
const FAULT_COMMAND_TIMEOUT_MS = 120_000;

async function must(node: string, t: Transport, command: string): Promise<string> {
  const r = await t.exec(command, { timeoutMs: FAULT_COMMAND_TIMEOUT_MS });
  if (r.code !== 0) throw new HactlError('runtime-fault-failed', `${node}: \`${command}\` failed: ${r.stderr.trim() || `exit ${r.code}`}`);
  return r.stdout;
}

/** The NICs the cluster's own traffic (heartbeats, totem, VRRP adverts) crosses on a node. */
export function interconnectNics(model: ClusterModel, node: string): string[] {
  const nics = new Set<string>();
  for (const link of model.heartbeat?.links ?? []) nics.add(link.nic);
  if (model.corosync) nics.add(model.corosync.interconnect);
  for (const v of model.vrrp) for (const n of v.nodes) if (n.node === node) nics.add(n.interface);
  return [...nics];
}

/** The NIC a VIP lives on, on a given node (the one whose subnet holds it). */
export function nicForVip(model: ClusterModel, node: string, vip: string): string {
  const nic = model.nodes.find((x) => x.name === node)?.nics.find((x) => inSubnet(vip, x));
  if (!nic) throw new HactlError('runtime-fault-failed', `${node} has no NIC in the subnet of ${vip}`);
  return nic.name;
}

export async function killRuntime(cluster: OpenCluster, node: string): Promise<InjectedFault> {
  const daemons = cluster.runtime.daemons(cluster.model, { hactl: cluster.session.hactl });
  for (const d of [...daemons].reverse()) await cluster.session.daemons.kill(node, d);
  return {
    fault: 'kill', node, detail: `SIGKILL of ${daemons.map((d) => d.name).join(' and ')} on ${node}`,
    restore: () => startRuntime(cluster.access, cluster.runtime, () => undefined, [node]),
  };
}

export async function setLink(cluster: OpenCluster, node: string, nic: string, state: 'up' | 'down'): Promise<void> {
  if (cluster.session.faults) return cluster.session.faults.setLink(node, nic, state);
  await must(node, transportOf(cluster, node), `ip link set dev ${quote(nic)} ${state}`);
}

/** Heals a fault on a node: around the heal, the runtime stops there and starts again where it asks for that. */
async function heal(cluster: OpenCluster, node: string, undo: () => Promise<void>): Promise<void> {
  if (!cluster.runtime.restartAcrossHeal) return undo();
  const daemons = cluster.runtime.daemons(cluster.model, { hactl: cluster.session.hactl });
  for (const d of [...daemons].reverse()) await cluster.session.daemons.stop(node, d);
  await undo();
  await startRuntime(cluster.access, cluster.runtime, () => undefined, [node]);
}

export async function cutLink(cluster: OpenCluster, node: string, nic: string): Promise<InjectedFault> {
  await setLink(cluster, node, nic, 'down');
  return { fault: 'link', node, detail: `${nic} of ${node} down`, restore: () => heal(cluster, node, () => setLink(cluster, node, nic, 'up')) };
}

/** Kills the process listening on the port (found by socket, not by name): the runtime's monitor must notice. */
export async function killService(cluster: OpenCluster, node: string, port: number): Promise<InjectedFault> {
  const t = transportOf(cluster, node);
  const pid = /pid=(\d+)/.exec(await must(node, t, `ss -Htlnp ${quote(`sport = :${port}`)}`))?.[1];
  if (!pid) throw new HactlError('runtime-fault-failed', `nothing listens on port ${port} on ${node}`);
  await must(node, t, `kill -KILL ${pid}`);
  // the service answered until kill(2) returned: the clock starts there, not before the socket lookup
  const at = performance.timeOrigin + performance.now();
  return { fault: 'service', node, detail: `killed pid ${pid} listening on ${port} on ${node}`, at, restore: async () => undefined };
}

// The rules of a UDP partition, marked with a comment so that any later process can find and delete them.
function udpRules(model: ClusterModel, node: string): { nics: string[]; rules: string[] } {
  const nics = interconnectNics(model, node);
  return { nics, rules: nics.flatMap((nic) => [`INPUT -i ${quote(nic)}`, `OUTPUT -o ${quote(nic)}`].map((r) => `${r} -p udp -m comment --comment ${MARK} -j DROP`)) };
}

/** Deletes every partition rule on the node (each as often as it was inserted). */
export async function healUdp(cluster: OpenCluster, node: string): Promise<void> {
  const { rules } = udpRules(cluster.model, node);
  await must(node, transportOf(cluster, node), rules.map((r) => `while iptables -D ${r} 2>/dev/null; do :; done`).join('; '));
}

/**
 * The split brain of the Corosync guide: iptables on one node drops UDP on the interconnect NICs (heartbeats, totem,
 * adverts), both ways, and nothing else; clients still reach both nodes. Restoring deletes exactly those rules.
 */
export async function partitionUdp(cluster: OpenCluster, node: string): Promise<InjectedFault> {
  const { nics, rules } = udpRules(cluster.model, node);
  await must(node, transportOf(cluster, node), rules.map((r) => `iptables -I ${r}`).join(' && '));
  return { fault: 'partition-udp', node, detail: `UDP dropped on ${nics.join(', ')} of ${node}`, restore: () => heal(cluster, node, () => healUdp(cluster, node)) };
}
