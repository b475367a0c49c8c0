import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Client, type AnyAuthMethod, type ConnectConfig, type ServerHostKeyAlgorithm } from 'ssh2';
import { TransportError } from '../errors.js';
import { hostKeyAlgorithms, knownHostsName } from './host-key.js';
import { hostVerification, type HostKeyPolicy } from './host-verifier.js';
import type { SshEndpoint } from './inventory.js';
import { proxySocket } from './proxy-command.js';

export interface SshConnectOptions extends HostKeyPolicy {
  readyTimeoutMs?: number;
  /** a dead link is noticed after about interval × 3 */
  keepaliveIntervalMs?: number;
  /** ssh-agent socket; default $SSH_AUTH_SOCK */
  agent?: string;
  /** keys tried when the endpoint names none; default ~/.ssh/id_ed25519, id_ecdsa, id_rsa */
  defaultIdentityFiles?: string[];
}

export const defaultKnownHostsFiles = (): string[] => [join(homedir(), '.ssh', 'known_hosts'), '/etc/ssh/ssh_known_hosts'];

const expandHome = (path: string): string => (path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path);

const defaultIdentityFiles = (): string[] => ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(homedir(), '.ssh', f));

function authMethods(endpoint: SshEndpoint, opts: SshConnectOptions): { methods: AnyAuthMethod[]; tried: string[] } {
  const username = endpoint.user;
  const methods: AnyAuthMethod[] = [];
  const tried: string[] = [];
  const agent = opts.agent ?? process.env.SSH_AUTH_SOCK;
  if (!endpoint.identityFile && agent) {
    methods.push({ type: 'agent', username, agent });
    tried.push('ssh-agent');
  }
  const files = endpoint.identityFile ? [expandHome(endpoint.identityFile)] : (opts.defaultIdentityFiles ?? defaultIdentityFiles());
  for (const file of files) {
    if (!existsSync(file)) continue;
    methods.push({ type: 'publickey', username, key: readFileSync(file) });
    tried.push(file);
  }
  return { methods, tried };
}

const where = (e: SshEndpoint): string => `${e.user}@${e.host}:${e.port}`;

/** Opens an authenticated ssh2 connection whose host key was checked against known_hosts. */
export async function connectSsh(endpoint: SshEndpoint, opts: SshConnectOptions): Promise<Client> {
  const name = endpoint.hostKeyAlias ?? knownHostsName(endpoint.host, endpoint.port);
  const verification = hostVerification(endpoint.node, name, opts);
  const { methods, tried } = authMethods(endpoint, opts);
  if (methods.length === 0) {
    const named = endpoint.identityFile ? `${endpoint.identityFile} does not exist` : 'no key to log in with';
    throw new TransportError('ssh-auth-failed', endpoint.node, `${endpoint.node}: ${named} for ${where(endpoint)}: set ssh.identityFile or start an ssh-agent`);
  }
  const preferred = hostKeyAlgorithms(verification.knownTypes) as ServerHostKeyAlgorithm[];
  const config: ConnectConfig = {
    host: endpoint.host,
    port: endpoint.port,
    username: endpoint.user,
    readyTimeout: opts.readyTimeoutMs ?? 20_000,
    keepaliveInterval: opts.keepaliveIntervalMs ?? 5_000,
    keepaliveCountMax: 3,
    hostVerifier: (key: Buffer) => verification.verify(key),
    authHandler: methods,
    // ssh2 applies these in key order; removing first is what moves an already-listed type to the front.
    ...(preferred.length ? { algorithms: { serverHostKey: { remove: preferred, prepend: preferred, append: [] } } } : {}),
  };
  const client = new Client();
  const proxy = endpoint.proxyCommand ? proxySocket(endpoint.proxyCommand, endpoint.host, endpoint.port) : undefined;
  if (proxy) {
    config.sock = proxy.sock;
    client.once('close', () => proxy.stop());
  }
  return new Promise<Client>((resolve, reject) => {
    client.once('ready', () => {
      client.removeAllListeners('error');
      resolve(client);
    });
    client.once('error', (err: Error & { level?: string }) => {
      client.end();
      proxy?.stop();
      const refusal = verification.refusal();
      if (refusal) return reject(refusal);
      if (err.level === 'client-authentication') {
        return reject(new TransportError('ssh-auth-failed', endpoint.node, `${endpoint.node}: ${where(endpoint)} refused the login (tried ${tried.join(', ')})`));
      }
      reject(new TransportError('ssh-connect-failed', endpoint.node, `${endpoint.node}: cannot connect to ${where(endpoint)}: ${err.message}`, { cause: err }));
    });
    client.connect(config);
  });
}
