import { createLab, type Lab, type SshdEndpoint } from '../../../src/netns/index.js';
import type { EndpointOverride } from '../../../src/transport/ssh/inventory.js';
import { nodeRelayProxyCommand } from '../../../src/transport/ssh/proxy-command.js';

export interface SshLab {
  lab: Lab;
  nodes: string[];
  sshd: Map<string, SshdEndpoint>;
  /** how the in-process ssh2 client reaches each node: a relay started in the lab's `ctl` member (ProxyCommand),
   * since the host has no route into a lab */
  overrides: Record<string, EndpointOverride>;
  knownHosts: string;
  destroy(): Promise<void>;
}



/** `count` nodes n1..nN on one network (10.77.0.11...), each with a real sshd, reached from a `ctl` member. */
export async function createSshLab(name: string, count: number): Promise<SshLab> {
  const nodes = Array.from({ length: count }, (_, i) => `n${i + 1}`);
  const lab = await createLab({
    name,
    networks: [{ name: 'net', cidr: '10.77.0.0/24' }],
    nodes: nodes.map((n, i) => ({ name: n, nics: [{ name: 'eth0', network: 'net', address: `10.77.0.${11 + i}/24` }] })),
    clients: [{ name: 'ctl', nics: [{ name: 'eth0', network: 'net', address: '10.77.0.2/24' }] }],
  });
  try {
    const sshd = new Map<string, SshdEndpoint>();
    const overrides: Record<string, EndpointOverride> = {};
    const proxyCommand = nodeRelayProxyCommand(lab.enterArgv('ctl'));
    await Promise.all(nodes.map(async (node) => {
      const endpoint = await lab.startSshd(node);
      sshd.set(node, endpoint);
      overrides[node] = { host: endpoint.host, port: endpoint.port, user: 'root', identityFile: lab.sshKeyPath(), proxyCommand };
    }));
    return { lab, nodes, sshd, overrides, knownHosts: lab.knownHostsPath(), destroy: async () => { await lab.destroy(); } };
  } catch (err) {
    await lab.destroy();
    throw err;
  }
}
