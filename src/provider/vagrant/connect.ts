import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClusterModel } from '../../model/model.js';
import { openTransports } from '../../transport/open-transports.js';
import type { EndpointOverride } from '../../transport/ssh/inventory.js';
import type { Transport } from '../../transport/transport.js';
import { mustRunVagrant } from '../../host-tools/vagrant-cli.js';
import { VagrantError } from './errors.js';
import { parseSshConfig } from './ssh-config.js';
import type { VagrantWorkdir } from '../../render/vagrant/workdir.js';

/** The name a node's host key is pinned under in the workdir's known_hosts (its address may change between ups). */
export const hostKeyAlias = (cluster: string, node: string): string => `hactl-${cluster}-${node}`;

async function sshConfigs(dir: VagrantWorkdir, machine?: string): Promise<ReturnType<typeof parseSshConfig>> {
  const run = await mustRunVagrant(['ssh-config', ...(machine ? [machine] : [])], { cwd: dir.root });
  return parseSshConfig(run.records.filter((r) => r.type === 'ssh-config').map((r) => r.data.join(',')).join('\n') || run.stdout);
}

/**
 * Where each machine's sshd is, as vagrant reaches it (`vagrant ssh-config`), for the SSH transport. `vagrant
 * ssh-config` fails as a whole when one machine is not running (powered off in a failover test, crashed); with
 * `partial`, each machine is then asked on its own and the ones that answer are returned, so status and the verbs
 * still reach the survivors.
 */
export async function vagrantEndpoints(model: ClusterModel, dir: VagrantWorkdir, opts: { partial?: boolean } = {}): Promise<Record<string, EndpointOverride>> {
  let entries: ReturnType<typeof parseSshConfig>;
  try {
    entries = await sshConfigs(dir);
  } catch (e) {
    if (!opts.partial) throw e;
    const each = await Promise.allSettled(model.nodes.map((n) => sshConfigs(dir, n.name)));
    const answered = each.flatMap((r) => (r.status === 'fulfilled' ? [...r.value] : []));
    if (answered.length === 0) throw e;
    entries = new Map(answered);
  }
  const overrides: Record<string, EndpointOverride> = {};
  for (const node of model.nodes) {
    const entry = entries.get(node.name);
    if (!entry) {
      if (opts.partial) continue;
      throw new VagrantError('vagrant-not-created', `vagrant ssh-config has no entry for ${node.name}: is it up?`);
    }
    const identityFile = entry.identityFiles.find((f) => existsSync(f));
    overrides[node.name] = {
      host: entry.hostName, port: entry.port, user: entry.user, sudo: entry.user !== 'root',
      hostKeyAlias: hostKeyAlias(model.cluster, node.name),
      ...(identityFile ? { identityFile } : {}),
    };
  }
  return overrides;
}

/** Machines vagrant has not created yet in this workdir (no `.vagrant/machines/NODE/PROVIDER/id`). */
export function uncreatedMachines(model: ClusterModel, dir: VagrantWorkdir, provider: string): string[] {
  return model.nodes.map((n) => n.name).filter((node) => !existsSync(join(dir.root, '.vagrant', 'machines', node, provider, 'id')));
}

/** Forgets the pinned keys of machines that are new (a destroyed and recreated machine may have a new key). */
export async function forgetHostKeys(model: ClusterModel, dir: VagrantWorkdir, nodes: readonly string[]): Promise<void> {
  const text = await readFile(dir.knownHosts, 'utf8').catch(() => '');
  const drop = new Set(nodes.map((n) => hostKeyAlias(model.cluster, n)));
  const kept = text.split('\n').filter((line) => line && !drop.has(line.split(' ')[0]!));
  await writeFile(dir.knownHosts, kept.length ? `${kept.join('\n')}\n` : '', { mode: 0o600 });
}

/**
 * One SSH transport per machine, host keys checked against the workdir's known_hosts. With `acceptNew` (right after
 * `up`), a machine without a pinned key gets the key it presents over the host-local network it just came up on, and
 * every machine must answer; otherwise a machine that is not running is left out, as the runtime layer expects of a
 * node that cannot be reached.
 */
export async function connectMachines(model: ClusterModel, dir: VagrantWorkdir, acceptNew: boolean): Promise<Map<string, Transport>> {
  const overrides = await vagrantEndpoints(model, dir, { partial: !acceptNew });
  return openTransports({ ...model, nodes: model.nodes.filter((n) => n.name in overrides) }, { overrides, knownHostsFiles: [dir.knownHosts], acceptNewHostKeys: acceptNew, agent: '' });
}
