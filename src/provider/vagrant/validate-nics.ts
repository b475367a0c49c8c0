import type { ClusterModel } from '../../model/model.js';
import { nicIndex } from '../../render/vagrant/networks.js';
import type { VagrantIssue } from './errors.js';

/**
 * Vagrant attaches private networks in order as eth1, eth2, … (net.ifnames=0), eth0 being its own management NIC:
 * a stack NIC only gets its address when its name is that position.
 */
export function nicNameIssues(model: Pick<ClusterModel, 'nodes'>): VagrantIssue[] {
  const issues: VagrantIssue[] = [];
  for (const node of model.nodes) {
    const indexes: number[] = [];
    for (const nic of node.nics) {
      const index = nicIndex(nic.name);
      if (index !== undefined) {
        indexes.push(index);
        continue;
      }
      const why = nic.name === 'eth0'
        ? 'eth0 is the Vagrant management NIC'
        : `Vagrant names the guest NICs eth1, eth2, … in the order it attaches them, so ${nic.name} would never get ${nic.address}`;
      issues.push({ code: 'vagrant-nic-name', severity: 'error', path: nic.path, message: `${why}: name the stack's NICs eth1, eth2, … (as seed 001 does)` });
    }
    const sorted = [...indexes].sort((a, b) => a - b);
    const gap = sorted.findIndex((n, i) => n !== i + 1);
    if (gap >= 0) {
      issues.push({
        code: 'vagrant-nic-name', severity: 'error', path: `${node.path}.nics`,
        message: `${node.name} has ${sorted.map((n) => `eth${n}`).join(', ')}: Vagrant numbers NICs without gaps, so eth${sorted[gap]} would come up as eth${gap + 1}`,
      });
    }
  }
  return issues;
}
