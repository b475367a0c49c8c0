import { error, warning, type Diagnostic } from '../../../diagnostics/index.js';
import type { ClusterModel } from '../../../model/model.js';
import type { VagrantProviderName } from '../../../render/vagrant/data.js';

const clash = (path: string, message: string): Diagnostic => error('vagrant-port-clash', path, message);

/** Forwarded ports Vagrant would only reject while the VMs boot (or, for one host port on two machines, not at all). */
export function portIssues(model: Pick<ClusterModel, 'nodes'>, provider: VagrantProviderName): Diagnostic[] {
  const issues: Diagnostic[] = [];
  const hostPorts = new Map<number, string>();
  for (const node of model.nodes) {
    const guests = new Map<number, string>();
    const ids = new Map<string, string>();
    node.forwardedPorts.forEach((port, i) => {
      const path = `${node.path}.forwardedPorts[${i}]`;
      const host = hostPorts.get(port.host);
      if (host) issues.push(clash(path, `host port ${port.host} is already forwarded by ${host}`));
      else hostPorts.set(port.host, path);
      const guest = guests.get(port.guest);
      if (guest) issues.push(clash(path, `guest port ${port.guest} of ${node.name} is already forwarded by ${guest}`));
      else guests.set(port.guest, path);
      // vagrant-libvirt reaches sshd on the machine's own address and drops the `ssh` forward a VirtualBox stack relies on
      if (port.id === 'ssh' && provider === 'libvirt') {
        issues.push(warning('vagrant-ssh-forward-ignored', path, `vagrant-libvirt does not forward host port ${port.host} to ssh: reach ${node.name} with \`vagrant ssh ${node.name}\``));
      }
      if (port.id !== undefined) {
        const id = ids.get(port.id);
        if (id) issues.push(clash(path, `id ${port.id} is already used by ${id}: Vagrant keeps only one of them`));
        else ids.set(port.id, path);
      }
    });
  }
  return issues;
}
