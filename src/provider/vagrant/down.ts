import { existsSync } from 'node:fs';
import type { ClusterModel } from '../../model/model.js';
import { failureOf, runVagrant } from '../../host-tools/vagrant-cli.js';
import { VagrantError } from './errors.js';
import type { VagrantEventHandler } from './events.js';
import { progressEvent } from './progress.js';
import { removeWorkdir, vagrantWorkdir } from '../../render/vagrant/workdir.js';

export interface VagrantDownOptions {
  baseDir?: string;
  onEvent?: VagrantEventHandler;
  timeoutMs?: number;
}

export interface VagrantDownResult {
  /** false when there was no workdir: nothing hactl knows of to destroy */
  existed: boolean;
  ms: number;
}

/**
 * Destroys the cluster's machines (vagrant-libvirt removes the private networks nobody else uses), then the workdir
 * with its rendered secrets and pinned host keys. Safe to run twice.
 */
export async function vagrantDown(model: Pick<ClusterModel, 'cluster'>, opts: VagrantDownOptions = {}): Promise<VagrantDownResult> {
  const started = performance.now();
  const dir = vagrantWorkdir(model.cluster, opts.baseDir);
  if (!existsSync(dir.root)) return { existed: false, ms: performance.now() - started };
  const emit = opts.onEvent ?? (() => undefined);
  const run = await runVagrant(['destroy', '--force'], {
    cwd: dir.root,
    timeoutMs: opts.timeoutMs ?? 10 * 60_000,
    onRecord: (record) => {
      const event = progressEvent(record);
      if (event) emit(event);
    },
  });
  if (run.exitCode !== 0) throw new VagrantError('vagrant-command-failed', `vagrant destroy failed (workdir ${dir.root} kept):\n${failureOf(run)}`);
  await removeWorkdir(dir);
  return { existed: true, ms: performance.now() - started };
}
