import type { Lab } from '../../netns/index.js';
import type { ClusterModel } from '../../model/model.js';
import type { RenderResult } from '../../render/render-stack.js';
import { applyStack, type ApplyReport, type ServiceController } from '../../apply/index.js';
import { closeTransports, nodeRelayProxyCommand, openTransports, type EndpointOverride } from '../../transport/index.js';
import { LabError } from '../../netns/errors.js';
import { memberName } from './lab-spec.js';

// The lab starts the runtime itself once every file is in place; nothing is running yet to reload.
const startedLater: ServiceController = { run: async () => undefined };

/**
 * A stack whose nodes have `ssh:` is pushed the way it would be to real servers: a real sshd in every node, then
 * `apply` over SSH (host keys checked against the lab's known_hosts), reaching the nodes through a relay in `via`.
 */
export async function pushOverSsh(lab: Lab, model: ClusterModel, rendered: RenderResult, via: string): Promise<ApplyReport> {
  const proxyCommand = nodeRelayProxyCommand(lab.enterArgv(via));
  const overrides: Record<string, EndpointOverride> = {};
  for (const node of model.nodes) {
    const endpoint = await lab.startSshd(memberName(node.name));
    overrides[node.name] = { host: endpoint.host, port: endpoint.port, user: 'root', identityFile: lab.sshKeyPath(), proxyCommand };
  }
  const transports = await openTransports(model, { overrides, knownHostsFiles: [lab.knownHostsPath()] });
  try {
    const report = await applyStack({ model, result: rendered, transports, services: startedLater });
    if (!report.ok) {
      const failed = report.nodes.filter((t) => t.status === 'failed' || t.status === 'skipped').map((t) => `${t.node}: ${t.error?.message ?? t.status}`);
      throw new LabError('lab-place-failed', `apply over SSH failed: ${failed.join('; ')}`);
    }
    return report;
  } finally {
    await closeTransports(transports.values());
  }
}
