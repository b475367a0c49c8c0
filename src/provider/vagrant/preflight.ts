import { connect } from 'node:net';
import { onPath } from '../../host-tools/on-path.js';
import type { VagrantSettings } from '../../render/vagrant/settings.js';
import { failureOf, runVagrant } from '../../host-tools/vagrant-cli.js';
import { VagrantError } from './errors.js';

const LIBVIRT_SOCKETS = ['/run/libvirt/libvirt-sock', '/var/run/libvirt/libvirt-sock'];

function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function libvirtdRunning(sockets: readonly string[]): Promise<boolean> {
  for (const path of sockets) if (await socketAnswers(path)) return true;
  return false;
}

// box and plugin commands read no Vagrantfile when run from the root directory
const NEUTRAL = { cwd: '/' };

async function checkPlugin(): Promise<void> {
  const run = await runVagrant(['plugin', 'list'], NEUTRAL);
  if (run.exitCode !== 0) throw new VagrantError('vagrant-command-failed', `vagrant plugin list failed:\n${failureOf(run)}`);
  if (!run.records.some((r) => r.type === 'plugin-name' && r.data[0] === 'vagrant-libvirt')) {
    throw new VagrantError('vagrant-provider-missing', 'the vagrant-libvirt plugin is missing: apt-get install vagrant-libvirt (or vagrant plugin install vagrant-libvirt)');
  }
}

async function checkBox(settings: VagrantSettings): Promise<void> {
  const run = await runVagrant(['box', 'list'], NEUTRAL);
  if (run.exitCode !== 0) throw new VagrantError('vagrant-command-failed', `vagrant box list failed:\n${failureOf(run)}`);
  const boxes: { name: string; provider?: string }[] = [];
  for (const r of run.records) {
    if (r.type === 'box-name') boxes.push({ name: r.data[0] ?? '' });
    else if (r.type === 'box-provider' && boxes.length) boxes[boxes.length - 1]!.provider = r.data[0];
  }
  if (!boxes.some((b) => b.name === settings.box && b.provider === settings.provider)) {
    const hint = settings.box === 'hactl/debian12' ? 'build it with scripts/build-box (as root, from the Debian mirror)' : `vagrant box add ${settings.box}`;
    throw new VagrantError('vagrant-box-missing', `vagrant has no ${settings.provider} box ${settings.box}: ${hint}`);
  }
}

/** Everything `vagrant up` needs, checked first so a missing piece is one clear error instead of a Ruby trace. */
export async function preflight(settings: VagrantSettings, opts: { libvirtSockets?: readonly string[] } = {}): Promise<void> {
  if (settings.provider === 'libvirt') {
    await Promise.all([checkPlugin(), checkBox(settings)]);
    if (!(await libvirtdRunning(opts.libvirtSockets ?? LIBVIRT_SOCKETS))) {
      throw new VagrantError('vagrant-daemon-missing', 'libvirtd is not running: start it (systemctl start libvirtd; without systemd: virtlogd -d && libvirtd -d)');
    }
    return;
  }
  await checkBox(settings);
  if (!(await onPath('VBoxManage'))) throw new VagrantError('vagrant-provider-missing', 'VirtualBox is not installed (VBoxManage is not on PATH)');
}
