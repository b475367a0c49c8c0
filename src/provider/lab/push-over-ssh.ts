import type { Lab } from '../../netns/index.js';
import type { ClusterModel } from '../../model/model.js';
import { nodeRelayProxyCommand, openTransports, type EndpointOverride } from '../../transport/index.js';
import type { Transport } from '../../transport/transport.js';
import { memberName } from './lab-spec.js';

/** The node the relay runs in: the lab has no route to the host, so SSH goes out of a member's namespace. */
export const relayMember = (lab: Lab, model: ClusterModel): string => lab.spec.clients?.[0]?.name ?? memberName(model.nodes[0]!.name);

/**
 * A stack whose nodes have `ssh:` is reached the way real servers are: a real sshd in every node (started once, by
 * `up`), through a relay, host keys checked against the lab's known_hosts. `start` starts the sshd servers first.
 */
export async function sshTransportsThroughLab(lab: Lab, model: ClusterModel, options: { start: boolean }): Promise<Map<string, Transport>> {
  const proxyCommand = nodeRelayProxyCommand(lab.enterArgv(relayMember(lab, model)));
  const overrides: Record<string, EndpointOverride> = {};
  for (const node of model.nodes) {
    const member = memberName(node.name);
    const endpoint = options.start ? await lab.startSshd(member) : lab.sshdEndpoints().find((e) => e.node === member);
    if (!endpoint) continue;
    overrides[node.name] = { host: endpoint.host, port: endpoint.port, user: 'root', identityFile: lab.sshKeyPath(), proxyCommand };
  }
  return openTransports(model, { overrides, knownHostsFiles: [lab.knownHostsPath()] });
}
