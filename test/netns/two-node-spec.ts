import type { LabSpec } from '../../src/netns/index.js';

/** Two nodes on a service and an interconnect network, a client and a ping node on the service network. */
export function twoNodeSpec(name: string): LabSpec {
  return {
    name,
    networks: [{ name: 'service', cidr: '172.16.0.0/24' }, { name: 'hb', cidr: '10.10.0.0/24' }],
    nodes: [
      { name: 'n1', nics: [{ name: 'eth0', network: 'service', address: '172.16.0.11/24' }, { name: 'eth1', network: 'hb', address: '10.10.0.1/24' }] },
      { name: 'n2', nics: [{ name: 'eth0', network: 'service', address: '172.16.0.12/24' }, { name: 'eth1', network: 'hb', address: '10.10.0.2/24' }] },
    ],
    clients: [{ name: 'client', nics: [{ name: 'eth0', network: 'service', address: '172.16.0.100/24' }] }],
    gateways: [{ network: 'service', address: '172.16.0.1' }],
  };
}

export const LAB_TOOLS = ['ip', 'nsenter', 'unshare', 'nft', 'ping', 'mount', 'ss'];
