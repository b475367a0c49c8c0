import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { ClusterModel } from '../../model/model.js';
import { openTransports } from '../../transport/open-transports.js';
import type { EndpointOverride } from '../../transport/ssh/inventory.js';
import type { Transport } from '../../transport/transport.js';
import { mustRunVagrant } from './cli.js';
import { VagrantError } from './errors.js';
import { parseSshConfig } from './ssh-config.js';
import type { VagrantWorkdir } from './workdir.js';

/** The name a node's host key is pinned under in the workdir's known_hosts (its address may change between ups). */
export const hostKeyAlias = (cluster: string, node: string): string => `hactl-${cluster}-${node}`;

/** Where each machine's sshd is, as vagrant reaches it (`vagrant ssh-config`), for the SSH transport. */
export async function vagrantEndpoints(model: ClusterModel, dir: VagrantWorkdir): Promise<Record<string, EndpointOverride>> {
  const run = await mustRunVagrant(['ssh-config'], { cwd: dir.root });
  const text = run.records.filter((r) => r.type === 'ssh-config').map((r) => r.data.join(',')).join('\n') || run.stdout;
  const entries = parseSshConfig(text);
  const overrides: Record<string, EndpointOverride> = {};
  for (const node of model.nodes) {
    const entry = entries.get(node.name);
    if (!entry) throw new VagrantError('vagrant-not-created', `vagrant ssh-config has no entry for ${node.name}: is it up?`);
    const identityFile = entry.identityFiles.find((f) => existsSync(f));
    overrides[node.name] = {
      host: entry.hostName, port: entry.port, user: entry.user, sudo: entry.user !== 'root',
      hostKeyAlias: hostKeyAlias(model.cluster, node.name),
      ...(identityFile ? { identityFile } : {}),
    };
  }
  return overrides;
}

/**
 * One SSH transport per machine. `fresh` (right after `up`) starts a new known_hosts and pins the keys the machines
 * present over the host-local network they just came up on; later connections must match those keys.
 */
export async function connectMachines(model: ClusterModel, dir: VagrantWorkdir, fresh: boolean): Promise<Map<string, Transport>> {
  const overrides = await vagrantEndpoints(model, dir);
  if (fresh) await rm(dir.knownHosts, { force: true });
  return openTransports(model, { overrides, knownHostsFiles: [dir.knownHosts], acceptNewHostKeys: fresh, agent: '' });
}
