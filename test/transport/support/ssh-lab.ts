import { createLab, type Lab, type SshdEndpoint, type TcpForward } from '../../../src/lab/index.js';
import { knownHostsName } from '../../../src/transport/ssh/host-key.js';
import type { EndpointOverride } from '../../../src/transport/ssh/inventory.js';

export interface SshLab {
  lab: Lab;
  nodes: string[];
  sshd: Map<string, SshdEndpoint>;
  /** how the in-process ssh2 client reaches each node: a loopback port relayed from the lab's `ctl` member */
  overrides: Record<string, EndpointOverride>;
  knownHosts: string;
  destroy(): Promise<void>;
}

/**
 * `count` nodes n1..nN on one network, each with a real sshd. The host has no route into a lab, so every
 * endpoint is a loopback forward whose known_hosts name is the node's real address (HostKeyAlias).
 */
export async function createSshLab(name: string, count: number): Promise<SshLab> {
  const nodes = Array.from({ length: count }, (_, i) => `n${i + 1}`);
  const lab = await createLab({
    name,
    networks: [{ name: 'net', cidr: '10.77.0.0/24' }],
    nodes: nodes.map((n, i) => ({ name: n, nics: [{ name: 'eth0', network: 'net', address: `10.77.0.${11 + i}/24` }] })),
    clients: [{ name: 'ctl', nics: [{ name: 'eth0', network: 'net', address: '10.77.0.2/24' }] }],
  });
  const forwards: TcpForward[] = [];
  try {
    const sshd = new Map<string, SshdEndpoint>();
    const overrides: Record<string, EndpointOverride> = {};
    await Promise.all(nodes.map(async (node) => {
      const endpoint = await lab.startSshd(node);
      const forward = await lab.forwardTcp('ctl', { host: endpoint.host, port: endpoint.port });
      forwards.push(forward);
      sshd.set(node, endpoint);
      overrides[node] = {
        host: forward.host, port: forward.port, user: 'root', identityFile: lab.sshKeyPath(),
        hostKeyAlias: knownHostsName(endpoint.host, endpoint.port),
      };
    }));
    return { lab, nodes, sshd, overrides, knownHosts: lab.knownHostsPath(), destroy: async () => { await lab.destroy(); } };
  } catch (err) {
    await lab.destroy();
    throw err;
  }
}
