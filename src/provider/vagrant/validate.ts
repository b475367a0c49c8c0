import type { ClusterModel } from '../../model/model.js';
import type { VagrantSettings } from '../../render/vagrant/settings.js';
import { VagrantError, type VagrantIssue } from './errors.js';
import { addressIssues } from './validate-addresses.js';
import { nicNameIssues } from './validate-nics.js';
import { portIssues } from './validate-ports.js';

/** What hactl must catch before running vagrant: `vagrant validate` accepts bad IPs and clashing ports. */
export function vagrantIssues(model: ClusterModel, settings: VagrantSettings): VagrantIssue[] {
  return [...nicNameIssues(model), ...addressIssues(model, settings), ...portIssues(model, settings.provider)];
}

export function formatIssue(issue: VagrantIssue): string {
  return `${issue.path}: ${issue.message} [${issue.code}]`;
}

/** Throws one error listing every problem; warnings pass. */
export function assertVagrantReady(model: ClusterModel, settings: VagrantSettings): VagrantIssue[] {
  const issues = vagrantIssues(model, settings);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) {
    throw new VagrantError('vagrant-invalid-stack', `${model.cluster} cannot run on Vagrant:\n${errors.map(formatIssue).join('\n')}`, { issues: errors });
  }
  if (model.runtime === 'agent') {
    throw new VagrantError('vagrant-runtime-unsupported', `${model.cluster}: the agent runtime needs Node.js and hactl inside the guests; the Vagrant provider runs keepalived, heartbeat and pacemaker stacks`);
  }
  return issues;
}
