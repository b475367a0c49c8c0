import type { ClusterModel } from '../../model/model.js';
import { TransportError } from '../errors.js';

export interface SshEndpoint {
  node: string;
  host: string;
  port: number;
  user: string;
  identityFile?: string;
  /** run commands through `sudo -n` (default: when user is not root) */
  sudo: boolean;
  /** name looked up in known_hosts instead of host/port (OpenSSH HostKeyAlias), e.g. for a forwarded port */
  hostKeyAlias?: string;
  /** argv whose stdin/stdout carry the connection, like OpenSSH ProxyCommand (%h, %p); e.g. into a lab namespace */
  proxyCommand?: string[];
}

export type EndpointOverride = Partial<Omit<SshEndpoint, 'node'>>;

/** Where to reach each node: the stack's `ssh:` per node, overridden (e.g. by the lab's forwarded endpoints). */
export function sshInventory(model: ClusterModel, overrides: Readonly<Record<string, EndpointOverride>> = {}): SshEndpoint[] {
  return model.nodes.map((node) => {
    const merged = { ...node.ssh, ...overrides[node.name] };
    if (!merged.host) {
      throw new TransportError('ssh-no-endpoint', node.name, `${node.name} has no ssh endpoint: add nodes.${node.name}.ssh.host to the stack`);
    }
    const user = merged.user ?? 'root';
    return {
      node: node.name,
      host: merged.host,
      port: merged.port ?? 22,
      user,
      sudo: merged.sudo ?? user !== 'root',
      ...(merged.identityFile ? { identityFile: merged.identityFile } : {}),
      ...('hostKeyAlias' in merged && merged.hostKeyAlias ? { hostKeyAlias: merged.hostKeyAlias } : {}),
      ...('proxyCommand' in merged && merged.proxyCommand ? { proxyCommand: merged.proxyCommand } : {}),
    };
  });
}
