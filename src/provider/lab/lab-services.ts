import type { ServiceController } from '../../apply/services.js';
import type { ClusterModel } from '../../model/model.js';
import { LabError } from '../../netns/errors.js';
import { runtimeOf } from '../../runtime/registry.js';
import { LabTransport } from '../../transport/lab/lab-transport.js';
import type { Transport } from '../../transport/transport.js';
import { labDaemons } from './daemons.js';
import { labHactl } from './index.js';

/**
 * Lab nodes have no init system: the runtime's daemons are the lab's own processes. A changed file restarts the
 * daemon it belongs to the way a service restart would (stopped gracefully, started again); other services are not
 * run on the lab (`hactl up` starts only the runtime), so there is nothing to reload for them.
 */
function labController(transport: LabTransport, model: ClusterModel): ServiceController {
  const daemons = labDaemons(transport.lab);
  const specs = runtimeOf(model.runtime).daemons(model, { hactl: labHactl() });
  return {
    async run({ node, service }) {
      const spec = specs.find((d) => d.service === service);
      if (!spec) return;
      await daemons.stop(node, spec);
      await daemons.start(node, spec);
    },
  };
}

/** The service controllers `apply` needs for the nodes it reaches inside a lab; undefined when it reaches none. */
export function labServices(model: ClusterModel, transports: ReadonlyMap<string, Transport>): Map<string, ServiceController> | undefined {
  const controllers = new Map<string, ServiceController>();
  for (const [node, transport] of transports) {
    if (transport instanceof LabTransport) controllers.set(node, labController(transport, model));
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
