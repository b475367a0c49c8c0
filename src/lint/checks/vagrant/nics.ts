import { error, type Diagnostic } from '../../../diagnostics/index.js';
import type { ClusterModel } from '../../../model/model.js';
import { nicIndex } from '../../../render/vagrant/networks.js';

/**
 * Vagrant attaches private networks in order as eth1, eth2, … (net.ifnames=0), eth0 being its own management NIC:
 * a stack NIC only gets its address when its name is that position.
 */
export function nicNameIssues(model: Pick<ClusterModel, 'nodes'>): Diagnostic[] {
  const issues: Diagnostic[] = [];
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
      issues.push(error('vagrant-nic-name', nic.path, `${why}: name the stack's NICs eth1, eth2, … (as stacks/001-web-pacemaker-heartbeat.yaml does)`));
    }
    const sorted = [...indexes].sort((a, b) => a - b);
    const gap = sorted.findIndex((n, i) => n !== i + 1);
    if (gap >= 0) {
      issues.push(error('vagrant-nic-name', `${node.path}.nics`,
        `${node.name} has ${sorted.map((n) => `eth${n}`).join(', ')}: Vagrant numbers NICs without gaps, so eth${sorted[gap]} would come up as eth${gap + 1}`));
    }
  }
  return issues;
}
