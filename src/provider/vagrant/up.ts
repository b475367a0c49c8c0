import type { ApplyReport } from '../../apply/apply.js';
import type { ClusterModel } from '../../model/model.js';
import type { RenderResult } from '../../render/render-stack.js';
import { buildVagrantData, vagrantSettings, type VagrantOverrides, type VagrantSettings } from '../../render/vagrant/index.js';
import { closeTransports } from '../../transport/open-transports.js';
import { failureOf, runVagrant } from '../../host-tools/vagrant-cli.js';
import { assertNetworksFree } from './check-host.js';
import { connectMachines, forgetHostKeys, uncreatedMachines } from './connect.js';
import { VagrantError } from './errors.js';
import { phase, type VagrantEventHandler, type VagrantPhase } from './events.js';
import { preflight } from './preflight.js';
import { progressEvent } from './progress.js';
import { provisionMachines } from './provision-machines.js';
import { assertVagrantReady } from './assert-ready.js';
import { prepareWorkdir, vagrantWorkdir, withVagrantData, type VagrantWorkdir } from '../../render/vagrant/workdir.js';

export interface VagrantUpOptions {
  /** provider, box, memory, … over the stack's `vagrant:` section */
  settings?: VagrantOverrides;
  /** default: ./.hactl/vagrant */
  baseDir?: string;
  onEvent?: VagrantEventHandler;
  /** for `vagrant up`; default 30 min (emulated guests boot in minutes) */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** DRBD's first set-up may overwrite disks that hold data */
  drbdOverwrite?: boolean;
}

export interface VagrantUpResult {
  workdir: VagrantWorkdir;
  settings: VagrantSettings;
  apply: ApplyReport;
  timings: Partial<Record<VagrantPhase, number>> & { totalMs: number };
}

/** `vagrant up` without Vagrant's provisioners: hactl provisions over its own SSH transport instead. */
async function bringUp(dir: VagrantWorkdir, settings: VagrantSettings, opts: VagrantUpOptions, emit: VagrantEventHandler): Promise<void> {
  const args = ['up', '--no-provision', `--provider=${settings.provider}`, ...(settings.provider === 'libvirt' ? ['--parallel'] : [])];
  const run = await runVagrant(args, {
    cwd: dir.root,
    timeoutMs: opts.timeoutMs ?? 30 * 60_000,
    ...(opts.signal ? { signal: opts.signal } : {}),
    onRecord: (record) => {
      const event = progressEvent(record);
      if (event) emit(event);
    },
  });
  if (run.exitCode !== 0) throw new VagrantError('vagrant-command-failed', `vagrant up failed:\n${failureOf(run)}`);
}

/**
 * Brings the stack up on Vagrant: checks what Vagrant would not (addresses, ports, host routes), then the tools,
 * writes the cluster's workdir, starts the machines in parallel, and puts users, packages and files in place through
 * hactl's own apply over SSH (pinned host keys). The runtime is started by operations/up, as on every provider.
 */
export async function vagrantUp(model: ClusterModel, rendered: Pick<RenderResult, 'files' | 'manifest'>, opts: VagrantUpOptions = {}): Promise<VagrantUpResult> {
  const started = performance.now();
  const emit = opts.onEvent ?? (() => undefined);
  const timings: VagrantUpResult['timings'] = { totalMs: 0 };
  const settings = vagrantSettings(model, opts.settings);
  await phase(emit, 'validate', timings, async () => {
    for (const issue of assertVagrantReady(model, settings)) emit({ type: 'warning', issue });
    await assertNetworksFree(model, settings);
  });
  await phase(emit, 'preflight', timings, () => preflight(settings));
  const dir = vagrantWorkdir(model.cluster, opts.baseDir);
  const data = buildVagrantData(model, settings);
  const result = withVagrantData(rendered, data);
  await prepareWorkdir(dir, result);
  const created = uncreatedMachines(model, dir, settings.provider);
  await phase(emit, 'machines', timings, () => bringUp(dir, settings, opts, emit));
  const transports = await phase(emit, 'connect', timings, async () => {
    await forgetHostKeys(model, dir, created);
    return connectMachines(model, dir, true);
  });
  try {
    const apply = await provisionMachines({ model, rendered: result, transports, emit, timings, drbdOverwrite: opts.drbdOverwrite ?? false });
    timings.totalMs = performance.now() - started;
    return { workdir: dir, settings, apply, timings };
  } finally {
    await closeTransports(transports.values());
  }
}
