import { join } from 'node:path';
import { createLab, destroyLab, openLab, type Lab } from '../../netns/index.js';
import { readState } from '../../netns/state.js';
import { LabError } from '../../netns/errors.js';
import { allPrimitives } from '../../model/normalize.js';
import type { ClusterModel } from '../../model/model.js';
import { packageRoot } from '../../package-root.js';
import { closeTransports } from '../../transport/open-transports.js';
import { LabTransport } from '../../transport/lab/lab-transport.js';
import type { Transport } from '../../transport/transport.js';
import type { Provider, ProviderSession } from '../provider.js';
import { pushFiles } from '../push-files.js';
import { labDaemons } from './daemons.js';
import { CLIENT, labName, labSpecFor, memberName } from './lab-spec.js';
import { sshTransportsThroughLab } from './push-over-ssh.js';

/** hactl's own CLI as lab nodes see it: the host's files, visible inside every node (see netns shared paths). */
export const labHactl = (): string[] => [process.execPath, join(packageRoot(), 'dist', 'cli', 'hactl.js')];

function session(lab: Lab, model: ClusterModel, nodes: Map<string, Transport>): ProviderSession {
  return {
    where: `lab ${lab.name}`,
    nodes,
    daemons: labDaemons(lab),
    hactl: labHactl(),
    client: lab.spec.clients?.some((c) => c.name === CLIENT) ? lab.enterArgv(CLIENT) : [],
    // at the switch port: the node's own view of its NIC stays up, as when a cable is pulled at the other end
    faults: { setLink: (node, nic, state) => lab.setLink(memberName(node), nic, state) },
    close: () => closeTransports(nodes.values()),
  };
}

// Nodes with `ssh:` are reached only through their sshd, as real servers are (the SSH path is exercised on the lab);
// the others through their namespaces.
async function nodeTransports(lab: Lab, model: ClusterModel, options: { start: boolean }): Promise<Map<string, Transport>> {
  if (model.nodes.some((n) => n.ssh)) return sshTransportsThroughLab(lab, model, options);
  return new Map<string, Transport>(model.nodes.map((n) => [n.name, new LabTransport(n.name, lab)]));
}

/** DRBD is a kernel block device: network namespaces share the host's kernel and have no disks to mirror. */
function refuseDrbd(model: ClusterModel): void {
  if (allPrimitives(model).some((p) => p.kind === 'drbd') || model.drbd.length > 0) {
    throw new LabError('lab-drbd-refused', `${model.cluster} mirrors disks with DRBD, which needs a kernel module and disks the lab cannot give its nodes: use --provider vagrant`);
  }
}

/**
 * The embedded lab: the stack's networks as bridges, each node a network namespace with the stack's NIC names and
 * addresses, its own hostname and private /etc, /run, /var/lib/{heartbeat,pacemaker,corosync}; files pushed with
 * apply (through the node's namespaces, or through a real sshd per node when the stack gives nodes `ssh:`).
 */
export const labProvider: Provider = {
  name: 'lab',
  description: 'network namespaces on this host (Debian 12 tools, no VMs)',
  platform: 'debian12',
  async provision({ model, rendered, onEvent }) {
    refuseDrbd(model);
    const started = performance.now();
    const lab = await createLab(labSpecFor(model, rendered.files));
    onEvent({ type: 'machines-ready', where: `lab ${lab.name}`, ms: performance.now() - started });
    try {
      const transports = await nodeTransports(lab, model, { start: true });
      try {
        await pushFiles(model, rendered, transports, onEvent);
      } finally {
        await closeTransports(transports.values());
      }
    } catch (e) {
      await lab.destroy().catch(() => undefined);
      throw e;
    }
  },
  async connect(model) {
    const lab = openLab(labName(model));
    return session(lab, model, await nodeTransports(lab, model, { start: false }));
  },
  async exists(model) {
    const state = readState(labName(model));
    return state !== undefined && openLab(state.name).present(memberName(model.nodes[0]!.name));
  },
  async destroy(model) {
    const report = await destroyLab(labName(model));
    return { existed: report.existed, detail: report.existed ? `lab ${labName(model)} removed (${report.killed.length} processes stopped)` : `lab ${labName(model)} was not running` };
  },
};
