import type { RenderedFile, Renderer } from '../artifact.js';
import { buildVagrantData, serializeVagrantData } from './build-data.js';
import { VAGRANT_DATA_PATH, VAGRANT_SCOPE, type VagrantData } from './data.js';
import { vagrantSettings } from './settings.js';

/**
 * The data the top-level Vagrantfile reads (`_vagrant/stack.json` in the rendered tree), for stacks with a `vagrant:`
 * section. It lives under its own pseudo node, so apply and the lab never push it to a machine.
 */
export const vagrantRenderer: Renderer = {
  id: 'vagrant',
  description: 'Vagrant machines, private networks, forwarded ports and provisioning data for the top-level Vagrantfile',
  applies: (model) => model.vagrant !== undefined,
  render({ model }) {
    return [vagrantDataFile(buildVagrantData(model, vagrantSettings(model)))];
  },
};

export function vagrantDataFile(data: VagrantData): RenderedFile {
  return { node: VAGRANT_SCOPE, path: VAGRANT_DATA_PATH, content: serializeVagrantData(data), mode: '0644', owner: 'root:root', checker: 'vagrant' };
}

export * from './data.js';
export { buildVagrantData, serializeVagrantData } from './build-data.js';
export { vagrantSettings, type VagrantSettings, type VagrantOverrides } from './settings.js';
export { networkName, nicIndex, orderedNics, machineNetworks } from './networks.js';
export { runtimeServices, clusterStep } from './runtime.js';
