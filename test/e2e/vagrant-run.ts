import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ClusterModel } from '../../src/model/model.js';
import { connectMachines } from '../../src/provider/vagrant/index.js';
import { vagrantWorkdir } from '../../src/render/vagrant/workdir.js';
import { closeTransports } from '../../src/transport/open-transports.js';
import type { Transport } from '../../src/transport/transport.js';
import { inCI, missing } from '../support/env.js';
import { openLibvirtHost, type LibvirtHost } from './vagrant-host.js';

export const root = join(import.meta.dirname, '..', '..');
export const MINUTE = 60_000;
export const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/**
 * Why a Vagrant e2e file does not run here, or undefined. Two VMs take the cores for minutes: CI runs the files it
 * must (`ci: true`), the rest only with HACTL_E2E_VAGRANT=all; a developer's `npm test` runs none unless asked.
 */
export function vagrantSkip(opts: { ci: boolean }): string | undefined {
  const asked = process.env.HACTL_E2E_VAGRANT;
  const wanted = asked === 'all' || (opts.ci && (inCI || asked === '1'));
  if (!wanted) return opts.ci ? 'set HACTL_E2E_VAGRANT=1 (or all) to run the Vagrant VMs' : 'set HACTL_E2E_VAGRANT=all to run this Vagrant test';
  return missing({ root: true, tools: ['vagrant', 'virsh', 'libvirtd', 'virtlogd', 'qemu-system-x86_64', 'qemu-img', 'debootstrap', 'ping', 'ip'] });
}

export async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number | undefined;
}

export interface VagrantRun {
  host: LibvirtHost;
  /** scratch directory the built CLI runs from: its .hactl/vagrant work tree lands there */
  cwd: string;
  baseDir: string;
  timings: Record<string, number>;
  hactl(...args: string[]): Promise<CliRun>;
  /** records how long fn took under `name` */
  timed<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(destroy: () => Promise<unknown>): Promise<string[]>;
}

/** libvirt running, the box built (or its stamp checked), a scratch directory; close() destroys and reports leftovers. */
export async function openVagrantRun(env: Record<string, string>): Promise<VagrantRun> {
  const host = await openLibvirtHost();
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      timings[name] = performance.now() - started;
    }
  };
  await timed('boxBuildOrCacheCheck', () => execa(join(root, 'scripts/build-box'), { stdio: 'inherit' }));
  const cwd = mkdtempSync(join(tmpdir(), 'hactl-vagrant-e2e-'));
  return {
    host,
    cwd,
    baseDir: join(cwd, '.hactl', 'vagrant'),
    timings,
    timed,
    // exercise what ships: the built CLI
    async hactl(...args: string[]) {
      const r = await execa(process.execPath, [join(root, 'dist/cli/hactl.js'), ...args], { cwd, env, reject: false, timeout: 30 * MINUTE });
      return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode };
    },
    async close(destroy) {
      await destroy().catch(() => undefined);
      rmSync(cwd, { recursive: true, force: true });
      const leftovers = await host.cleanup();
      console.log(`vagrant e2e durations (s): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, seconds(v)])))}`);
      return leftovers;
    },
  };
}

/** Runs fn with SSH transports to the stack's running machines, closed afterwards. */
export async function withMachines<T>(model: ClusterModel, run: Pick<VagrantRun, 'baseDir'>, fn: (nodes: Map<string, Transport>) => Promise<T>): Promise<T> {
  const nodes = await connectMachines(model, vagrantWorkdir(model.cluster, run.baseDir), false);
  try {
    return await fn(nodes);
  } finally {
    await closeTransports(nodes.values());
  }
}
