import type { LabLayout } from './layout.js';
import { layoutNetns } from './layout.js';
import { netnsPath } from './names.js';
import { run } from './run.js';

const batch = (netns: string | undefined, lines: string[]): Promise<unknown> =>
  run(['ip', ...(netns ? ['-n', netns] : []), '-batch', '-'], { input: `${lines.join('\n')}\n` });

export async function addNamespaces(names: readonly string[]): Promise<void> {
  await batch(undefined, names.map((name) => `netns add ${name}`));
}

// IPv6 is off in every lab namespace: no link-local addresses, router solicitations or DAD delays, only the
// IPv4 traffic the tests reason about. Set before any interface exists, so every interface inherits it.
async function disableIpv6(netns: string): Promise<void> {
  await run(['nsenter', `--net=${netnsPath(netns)}`, 'sysctl', '-q', '-w',
    'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
}

function switchBatch(layout: LabLayout): string[] {
  const lines: string[] = [];
  const bridgeOf = new Map(layout.networks.map((n) => [n.name, n.bridge]));
  const port = (name: string, peer: string, peerNetns: string, alias: string, network: string): void => {
    lines.push(
      `link add ${name} type veth peer name ${peer} netns ${peerNetns}`,
      `link set dev ${name} alias ${alias}`,
      `link set dev ${name} master ${bridgeOf.get(network)}`,
      `link set dev ${name} up`,
    );
  };
  // No STP and no forward delay: ports forward at once. No multicast snooping: mcast heartbeats reach every port
  // even though the lab has no IGMP querier.
  for (const net of layout.networks) {
    lines.push(
      `link add ${net.bridge} type bridge stp_state 0 forward_delay 0 mcast_snooping 0`,
      `link set dev ${net.bridge} alias ${net.name}`,
      `link set dev ${net.bridge} up`,
    );
  }
  for (const member of layout.members) {
    for (const nic of member.nics) port(nic.switchPort, nic.name, member.netns, `${member.name}/${nic.name}`, nic.network);
  }
  for (const gw of layout.gateways) port(gw.switchPort, gw.nic, layout.gatewayNetns ?? '', `gateway/${gw.address}`, gw.network);
  return lines;
}

function addressBatch(nics: readonly { name: string; address: string; prefix: number }[]): string[] {
  return [
    'link set dev lo up',
    ...nics.flatMap((nic) => [`address add ${nic.address}/${nic.prefix} dev ${nic.name}`, `link set dev ${nic.name} up`]),
  ];
}

/** Bridges live in the lab's own switch namespace: the host's root namespace gets no link, route or address. */
export async function buildNetwork(layout: LabLayout): Promise<void> {
  await Promise.all(layoutNetns(layout).map(disableIpv6));
  await batch(layout.switchNetns, switchBatch(layout));
  await Promise.all([
    ...layout.members.map((m) => batch(m.netns, addressBatch(m.nics))),
    ...(layout.gatewayNetns
      ? [batch(layout.gatewayNetns, addressBatch(layout.gateways.map((g) => ({ name: g.nic, address: g.address, prefix: g.prefix }))))]
      : []),
  ]);
}
