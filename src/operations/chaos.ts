import { HactlError } from '../diagnostics/index.js';
import type { ProviderName } from '../provider/provider.js';
import { openLab } from '../netns/index.js';
import { labName, memberName } from '../provider/lab/lab-spec.js';
import { healUdp, killRuntime, killService, partitionUdp, setLink } from './faults.js';
import { openCluster, type OpenCluster } from './open-cluster.js';
import { startRuntime } from './up.js';

export const CHAOS_ACTIONS = ['kill-node', 'restart-node', 'cut-link', 'heal-link', 'kill-service', 'partition-udp', 'heal-udp', 'partition', 'heal'] as const;
export type ChaosAction = (typeof CHAOS_ACTIONS)[number];

const need = (value: string | undefined, what: string, usage: string): string => {
  if (!value) throw new HactlError('lab-bad-request', `${what} is missing: hactl chaos STACK ${usage}`);
  return value;
};

async function act(cluster: OpenCluster, action: ChaosAction, node: string, extra: readonly string[]): Promise<string> {
  switch (action) {
    case 'kill-node':
      return (await killRuntime(cluster, need(node, 'NODE', 'kill-node NODE'))).detail;
    case 'restart-node': {
      need(node, 'NODE', 'restart-node NODE');
      // two agents (or heartbeats) on one node would fight over its addresses: a running runtime is left alone
      const daemons = cluster.runtime.daemons(cluster.model, { hactl: cluster.session.hactl });
      const running = [];
      for (const d of daemons) if (await cluster.session.daemons.running(node, d)) running.push(d.name);
      if (running.length) throw new HactlError('runtime-fault-failed', `${cluster.model.runtime} already runs on ${node} (${running.join(', ')})`);
      await startRuntime(cluster.access, cluster.runtime, () => undefined, [node]);
      return `${cluster.model.runtime} started on ${node}`;
    }
    case 'cut-link':
    case 'heal-link': {
      const nic = need(extra[0], 'NIC', `${action} NODE NIC`);
      await setLink(cluster, need(node, 'NODE', `${action} NODE NIC`), nic, action === 'cut-link' ? 'down' : 'up');
      return `${node} ${nic} ${action === 'cut-link' ? 'down' : 'up'}`;
    }
    case 'kill-service': {
      const port = Number(extra[0]);
      if (!Number.isInteger(port)) throw new HactlError('lab-bad-request', 'kill-service needs a port: hactl chaos STACK kill-service NODE PORT');
      return (await killService(cluster, need(node, 'NODE', 'kill-service NODE PORT'), port)).detail;
    }
    case 'partition-udp':
      return (await partitionUdp(cluster, need(node, 'NODE', 'partition-udp NODE'))).detail;
    case 'heal-udp':
      await healUdp(cluster, need(node, 'NODE', 'heal-udp NODE'));
      return `UDP on the interconnect of ${node} flows again`;
    case 'partition':
    case 'heal': {
      if (cluster.provider.name !== 'lab') throw new HactlError('runtime-refused', `${action} cuts the lab's switch: use partition-udp NODE on ${cluster.provider.name}`);
      const lab = openLab(labName(cluster.model));
      if (action === 'heal') {
        await lab.heal();
        return 'partition healed';
      }
      const groups = [node, ...extra].map((g) => g.split(',').map(memberName));
      await lab.partition(groups);
      return `partitioned: ${groups.map((g) => g.join(',')).join(' | ')}`;
    }
  }
}

/** `hactl chaos`: one fault by hand, on any runtime and provider (the lab's switch partition on the lab only). */
export async function chaos(stack: string, action: string, node: string, extra: readonly string[], options: { provider?: ProviderName } = {}): Promise<string> {
  if (!(CHAOS_ACTIONS as readonly string[]).includes(action)) throw new HactlError('lab-bad-request', `unknown chaos action ${action} (${CHAOS_ACTIONS.join(', ')})`);
  const cluster = await openCluster(stack, options.provider);
  try {
    return await act(cluster, action as ChaosAction, node, extra);
  } finally {
    await cluster.close();
  }
}
