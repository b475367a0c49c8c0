import { formatDiagnostic, type Diagnostic } from '../../diagnostics/index.js';
import { vagrantIssues } from '../../lint/checks/vagrant/index.js';
import type { ClusterModel } from '../../model/model.js';
import type { VagrantSettings } from '../../render/vagrant/settings.js';
import { VagrantError } from './errors.js';

/** The stack's Vagrant checks with the settings `up` runs with: throws one error listing every problem; warnings pass. */
export function assertVagrantReady(model: ClusterModel, settings: VagrantSettings): Diagnostic[] {
  const issues = vagrantIssues(model, settings);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) {
    throw new VagrantError('vagrant-invalid-stack', `${model.cluster} cannot run on Vagrant:\n${errors.map(formatDiagnostic).join('\n')}`, { issues: errors });
  }
  return issues;
}
