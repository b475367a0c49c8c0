import { formatEvent } from '../../src/apply/format-event.js';
import { printDiagnostics } from '../output.js';
import { loadOrFail, renderOrPrint } from '../stack.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface VagrantCliOptions {
  vagrantProvider?: 'libvirt' | 'virtualbox';
  box?: string;
}

export async function vagrantUpCommand(stack: string, options: VagrantCliOptions): Promise<number> {
  const rendered = await renderOrPrint(stack);
  if (!rendered) return 1;
  const { vagrantUp } = await import('../../src/provider/vagrant/index.js');
  const up = await vagrantUp(rendered.model, rendered.result, {
    settings: { ...(options.vagrantProvider ? { provider: options.vagrantProvider } : {}), ...(options.box ? { box: options.box } : {}) },
    onEvent: (e) => {
      if (e.type === 'phase-done') process.stderr.write(`${e.phase}: done (${seconds(e.ms)})\n`);
      else if (e.type === 'warning') printDiagnostics([e.issue]);
      else if (e.type === 'apply') process.stderr.write(`${formatEvent(e.event)}\n`);
      else if (e.type === 'machine-message') process.stderr.write(`[${e.node}] ${e.message}\n`);
      else if (e.type === 'vagrant-error') process.stderr.write(`vagrant error${e.node ? ` on ${e.node}` : ''}: ${e.message}\n`);
    },
  });
  process.stdout.write(`cluster ${rendered.model.cluster} is up on Vagrant (${up.settings.provider}) in ${seconds(up.timings.totalMs)}; vagrant ssh from ${up.workdir.root}\n`);
  return up.apply.ok ? 0 : 1;
}

export async function vagrantDownCommand(stack: string): Promise<number> {
  const model = await loadOrFail(stack);
  const { vagrantDown } = await import('../../src/provider/vagrant/index.js');
  const down = await vagrantDown(model);
  process.stdout.write(down.existed ? `machines of ${model.cluster} destroyed in ${seconds(down.ms)}\n` : `no Vagrant machines for ${model.cluster}\n`);
  return 0;
}

export async function vagrantStatusCommand(stack: string, options: { json?: boolean }): Promise<number> {
  const model = await loadOrFail(stack);
  const { vagrantStatus } = await import('../../src/provider/vagrant/index.js');
  const status = await vagrantStatus(model);
  if (options.json) process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
  else {
    for (const s of status) {
      const services = Object.entries(s.services).map(([name, up]) => `${name} ${up ? 'active' : 'inactive'}`).join(', ');
      process.stdout.write(`${s.node.padEnd(10)} ${s.state.padEnd(12)} ${services}${s.vips.length ? `  VIPs: ${s.vips.join(' ')}` : ''}\n`);
    }
  }
  return 0;
}
