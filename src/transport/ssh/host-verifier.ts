import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { TransportError } from '../errors.js';
import { fingerprint, keyType } from './host-key.js';
import { checkHostKey, knownKeyTypes, parseKnownHosts, type KnownHostEntry } from './known-hosts.js';

export interface HostKeyPolicy {
  /** read in order; the first one also receives accepted new keys */
  knownHostsFiles: string[];
  acceptNewHostKeys: boolean;
}

export interface HostVerification {
  verify(key: Buffer): boolean;
  /** why verify() said no, to throw instead of ssh2's generic "verification failed" */
  refusal(): TransportError | undefined;
  /** key types known for this host, to request first */
  knownTypes: string[];
}

function readEntries(files: readonly string[]): KnownHostEntry[] {
  return files.flatMap((f) => (existsSync(f) ? parseKnownHosts(readFileSync(f, 'utf8'), f) : []));
}

const describe = (e: KnownHostEntry): string => `${e.keyType} ${fingerprint(e.key)} (${e.file}:${e.line})`;

/** Checks the server's key against known_hosts: never trusts on first use unless asked, never accepts a change. */
export function hostVerification(node: string, name: string, policy: HostKeyPolicy): HostVerification {
  const entries = readEntries(policy.knownHostsFiles);
  let refusal: TransportError | undefined;
  return {
    knownTypes: knownKeyTypes(entries, name),
    refusal: () => refusal,
    verify(key: Buffer): boolean {
      const presented = `${keyType(key)} ${fingerprint(key)}`;
      const result = checkHostKey(entries, name, key);
      if (result.status === 'known') return true;
      if (result.status === 'revoked') {
        refusal = new TransportError('ssh-host-key-revoked', node, `${node}: the host key of ${name} (${presented}) is marked @revoked in ${describe(result.entry)}`);
        return false;
      }
      if (result.status === 'changed') {
        refusal = new TransportError('ssh-host-key-changed', node,
          `${node}: HOST KEY CHANGED for ${name}: the server presented ${presented}, but known_hosts has ${result.known.map(describe).join(', ')}. `
          + 'This can be a man-in-the-middle attack or a reinstalled host; if the change is expected, remove the old line and run again.');
        return false;
      }
      const file = policy.knownHostsFiles[0];
      if (!policy.acceptNewHostKeys || !file) {
        refusal = new TransportError('ssh-host-unknown', node,
          `${node}: ${name} is not in known_hosts (${policy.knownHostsFiles.join(', ') || 'none given'}); it presented ${presented}. `
          + 'Verify the fingerprint and add it with ssh-keyscan, or pass --accept-new-host-keys to trust it on first use.');
        return false;
      }
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const needsNewline = existsSync(file) && !readFileSync(file, 'utf8').endsWith('\n') && readFileSync(file).length > 0;
      appendFileSync(file, `${needsNewline ? '\n' : ''}${name} ${keyType(key)} ${key.toString('base64')}\n`, { mode: 0o600 });
      return true;
    },
  };
}
