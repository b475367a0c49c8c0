import type { NodeModel } from '../../model/model.js';

/**
 * The port SSH listens on, on the node: its `ssh.port` (22 without one). Through a Vagrant forward the client's
 * port is the host side, so a forward whose host port is the ssh port names the node's real one.
 */
export function sshPort(node: Pick<NodeModel, 'ssh' | 'forwardedPorts'>): number {
  const port = node.ssh?.port ?? 22;
  return node.forwardedPorts.find((f) => f.host === port)?.guest ?? port;
}
