import { createHash } from 'node:crypto';

/** The key type named inside an SSH wire-format public key blob ('ssh-ed25519', 'ecdsa-sha2-nistp256', ...). */
export function keyType(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const len = blob.readUInt32BE(0);
  return len > 0 && 4 + len <= blob.length ? blob.subarray(4, 4 + len).toString('latin1') : 'unknown';
}

/** As OpenSSH prints it: 'SHA256:' + unpadded base64 of the blob's SHA-256. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The name ssh uses to look a host up in known_hosts: the bare host on port 22, '[host]:port' otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host.toLowerCase() : `[${host.toLowerCase()}]:${port}`;
}

// ssh2 negotiates signature algorithms; a known 'ssh-rsa' key may be presented under any of these.
const ALGORITHMS_FOR_TYPE: Record<string, string[]> = {
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

const SUPPORTED = new Set([
  'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa', 'ssh-dss',
]);

/** Host key algorithms to ask for first, limited to what ssh2 speaks (it throws on any other name). */
export function hostKeyAlgorithms(types: readonly string[]): string[] {
  return [...new Set(types.flatMap((t) => ALGORITHMS_FOR_TYPE[t] ?? [t]))].filter((a) => SUPPORTED.has(a));
}
