import type { Diagnostic } from '../../../diagnostics/index.js';
import type { ClusterModel } from '../../../model/model.js';
import { vagrantSettings, type VagrantSettings } from '../../../render/vagrant/settings.js';
import type { Check } from '../../check.js';
import { addressIssues } from './addresses.js';
import { nicNameIssues } from './nics.js';
import { portIssues } from './ports.js';

/** What hactl must catch before running vagrant: `vagrant validate` accepts bad IPs and clashing ports. */
export function vagrantIssues(model: ClusterModel, settings: VagrantSettings): Diagnostic[] {
  return [...nicNameIssues(model), ...addressIssues(model, settings), ...portIssues(model, settings.provider)];
}

/**
 * Stacks with a `vagrant:` section are checked with its settings; `hactl up --provider vagrant` checks again with
 * the settings it is given (another provider may allow other networks), and refuses on any error.
 */
export const checkVagrant: Check = (model) => (model.vagrant ? vagrantIssues(model, vagrantSettings(model)) : []);
