import type { ClusterInput } from '../model/cluster.js';
import { blocked, changed, type TranslationItem } from './report.js';
import { linksOf, type HeartbeatInput } from './stack.js';

const KNET_PORT = 5405;

const modeWhy = {
  ucast: "knet sends unicast UDP to every node's address on that NIC (the nodelist's ring0_addr), the addresses heartbeat's ucast lines named",
  bcast: "knet has no broadcast: it sends unicast UDP to every node's address on that NIC (the nodelist's ring0_addr)",
  mcast: "knet has no multicast: it sends unicast UDP to every node's address on that NIC (the nodelist's ring0_addr)",
} as const;

/**
 * heartbeat's first link becomes knet link 0 on the same NIC. The stack's corosync section names one interconnect, so
 * a second heartbeat link cannot follow; dropping it would leave the cluster one path where it had two.
 */
export function knetLink(draft: ClusterInput, hb: HeartbeatInput): { nic: string; items: TranslationItem[] } {
  const [first, ...others] = linksOf(hb);
  const items: TranslationItem[] = [];
  if (first) {
    const { link, path } = first;
    const mode = link.mode ?? 'ucast';
    const firewall = draft.firewall?.implied === false ? '' : '; the implied firewall rules open it instead of 694';
    items.push(changed(path, 'knet-link', `${mode} on ${link.nic} (udp ${link.port ?? 694}) → knet link 0 on ${link.nic} (udp ${KNET_PORT})`, `${modeWhy[mode]}${firewall}`));
  }
  for (const { link, path } of others) {
    items.push(blocked(path, 'knet-one-link', `heartbeat link on ${link.nic}`, "the stack's corosync section has one interconnect (one knet link); dropping this link would leave one path where there were two"));
  }
  return { nic: first?.link.nic ?? 'eth0', items };
}
