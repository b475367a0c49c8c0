import type { ClusterModel } from '../../model/model.js';
import { runtimeOf } from '../../runtime/registry.js';
import { closeTransports, openTransports } from '../../transport/open-transports.js';
import { hostDaemons, hostServices, runtimeServices } from '../host/daemons.js';
import type { Provider } from '../provider.js';
import { pushFiles } from '../push-files.js';
import { HOST_HACTL } from '../host/hactl.js';
import { installAgentOnNodes, uninstallAgent } from '../host/agent-install.js';
import { bootstrapDrbd } from '../host/drbd-bootstrap.js';

/** Real servers, reached at the stack's `ssh:` endpoints: the machines exist; hactl only pushes files and drives the runtime. */
export const sshProvider: Provider = {
  name: 'ssh',
  description: "real servers at the stack's ssh: endpoints (host keys checked against known_hosts)",
  async provision({ model, rendered, onEvent, options }) {
    const transports = await openTransports(model);
    try {
      for (const agent of await installAgentOnNodes(model, transports)) {
        onEvent({ type: 'progress', message: `[${agent.node}] agent installed: ${(agent.bytes / 1e6).toFixed(2)} MB pushed in ${(agent.ms / 1000).toFixed(1)} s` });
      }
      await pushFiles(model, rendered, transports, onEvent, hostServices(model.platform, runtimeServices(model)));
      for (const line of await bootstrapDrbd(model, transports, { overwrite: options?.drbdOverwrite ?? false })) onEvent({ type: 'progress', message: line });
    } finally {
      await closeTransports(transports.values());
    }
  },
  async connect(model) {
    const nodes = await openTransports(model);
    return {
      where: 'SSH',
      nodes,
      daemons: hostDaemons(model.platform, nodes),
      hactl: HOST_HACTL,
      client: [],
      close: () => closeTransports(nodes.values()),
    };
  },
  async exists(model) {
    return model.nodes.every((n) => n.ssh !== undefined);
  },
  // the servers stay: taking the stack down stops its runtime on every node that answers
  async destroy(model: ClusterModel) {
    const session = await this.connect(model);
    try {
      const daemons = runtimeOf(model.runtime).daemons(model, { hactl: session.hactl }).reverse();
      for (const node of model.nodes.map((n) => n.name)) for (const d of daemons) await session.daemons.stop(node, d);
      // the agent is hactl's own program, not a package: uninstalled with the stack
      if (model.runtime === 'agent') for (const t of session.nodes.values()) await uninstallAgent(t);
      return { existed: true, detail: `${model.runtime} stopped on ${model.nodes.map((n) => n.name).join(', ')} (the servers and their files stay)` };
    } finally {
      await session.close();
    }
  },
};
