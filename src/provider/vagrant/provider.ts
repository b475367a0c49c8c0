import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterModel } from '../../model/model.js';
import { vagrantSettings } from '../../render/vagrant/index.js';
import { vagrantWorkdir } from '../../render/vagrant/workdir.js';
import { closeTransports } from '../../transport/open-transports.js';
import { hostDaemons } from '../host/daemons.js';
import { HOST_HACTL } from '../host/hactl.js';
import type { Provider } from '../provider.js';
import { connectMachines } from './connect.js';
import { vagrantDown } from './down.js';
import { vagrantUp } from './up.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Vagrant VMs (libvirt or VirtualBox) built from the stack's `_vagrant/stack.json` and the top-level Vagrantfile. */
export const vagrantProvider: Provider = {
  name: 'vagrant',
  description: 'Vagrant VMs (libvirt with qemu, or VirtualBox), one per node, booted from the hactl/debian12 box',
  platform: 'debian12',
  async provision({ model, rendered, onEvent, options }) {
    const up = await vagrantUp(model, rendered, {
      settings: options?.vagrant ?? {},
      ...(options?.drbdOverwrite ? { drbdOverwrite: true } : {}),
      onEvent: (e) => {
        if (e.type === 'phase-done') onEvent({ type: 'progress', message: `${e.phase}: done (${seconds(e.ms)})` });
        else if (e.type === 'machine-message') onEvent({ type: 'progress', message: `[${e.node}] ${e.message}` });
        else if (e.type === 'vagrant-error') onEvent({ type: 'progress', message: `vagrant error${e.node ? ` on ${e.node}` : ''}: ${e.message}` });
      },
    });
    onEvent({ type: 'machines-ready', where: `Vagrant (${up.settings.provider}), vagrant ssh from ${up.workdir.root}`, ms: up.timings.totalMs });
    for (const node of up.apply.nodes) onEvent({ type: 'files-in-place', node: node.node, count: node.files.length, how: 'over SSH', ms: node.durationMs });
  },
  async connect(model) {
    const nodes = await connectMachines(model, vagrantWorkdir(model.cluster), false);
    return {
      where: `Vagrant (${vagrantSettings(model).provider})`,
      nodes,
      daemons: hostDaemons('debian12', nodes),
      hactl: HOST_HACTL,
      // the VMs' private networks reach this host: the VIPs are probed from here
      client: [],
      close: () => closeTransports(nodes.values()),
    };
  },
  async exists(model: ClusterModel) {
    const dir = vagrantWorkdir(model.cluster);
    return existsSync(join(dir.root, '.vagrant', 'machines'));
  },
  async destroy(model) {
    const down = await vagrantDown(model);
    return { existed: down.existed, detail: down.existed ? `machines of ${model.cluster} destroyed in ${seconds(down.ms)}` : `no Vagrant machines for ${model.cluster}` };
  },
};
