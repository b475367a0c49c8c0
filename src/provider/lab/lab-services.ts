import type { ServiceController } from '../../apply/services.js';
import type { Lab } from '../../netns/index.js';
import type { ClusterModel } from '../../model/model.js';
import type { RenderedFile } from '../../render/artifact.js';
import { LabTransport } from '../../transport/lab/lab-transport.js';
import type { Transport } from '../../transport/transport.js';
import { restartRuntime } from './chaos.js';
import { LabError } from '../../netns/errors.js';
import { runningRuntime, runtimeService, stopRuntime } from './runtimes.js';

/**
 * Lab nodes have no init system: the runtime daemon is the lab's own tracked process. A reload of it is its signal
 * (keepalived rereads its config on SIGHUP), a restart stops it as a service stop would and starts it again. Other
 * services are not run on the lab (`hactl up` starts only the runtime), so there is nothing to reload for them.
 */
function labController(lab: Lab, model: ClusterModel, files: readonly RenderedFile[]): ServiceController {
  return {
    async run({ node, service, action }) {
      if (service !== runtimeService(model.runtime)) return;
      const running = runningRuntime(lab, model, node);
      if (action === 'reload' && model.runtime === 'keepalived' && running.length > 0) {
        for (const daemon of running) process.kill(daemon.pid, 'SIGHUP');
        return;
      }
      await stopRuntime(lab, model, node);
      restartRuntime(lab, model, node, files);
    },
  };
}

/** The service controllers `apply` needs for the nodes it reaches inside a lab; undefined when it reaches none. */
export function labServices(model: ClusterModel, files: readonly RenderedFile[], transports: ReadonlyMap<string, Transport>): Map<string, ServiceController> | undefined {
  const controllers = new Map<string, ServiceController>();
  for (const [node, transport] of transports) {
    if (transport instanceof LabTransport) controllers.set(node, labController(transport.lab, model, files));
  }
  return controllers.size > 0 ? controllers : undefined;
}

/** Lab nodes run the host's own programs (only /etc, /run, /tmp, /var/log, ... are private): a package install there would change the host. */
export function refusePackagesOnLab(transports: ReadonlyMap<string, Transport>): void {
  const onLab = [...transports].filter(([, t]) => t instanceof LabTransport).map(([node]) => node);
  if (onLab.length > 0) {
    throw new LabError('lab-packages-refused', `${onLab.join(', ')} run on the lab, which uses this host's packages: install them on the host (scripts/setup), not with --install-packages`);
  }
}
