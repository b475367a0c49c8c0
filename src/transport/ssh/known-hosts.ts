import { createHmac } from 'node:crypto';

export interface KnownHostEntry {
  file: string;
  line: number;
  marker?: 'cert-authority' | 'revoked';
  /** comma-separated patterns, or undefined for a hashed entry */
  patterns?: string[];
  hashed?: { salt: Buffer; hash: Buffer };
  keyType: string;
  key: Buffer;
}

/** Parses OpenSSH known_hosts text: plain and negated patterns, wildcards, [host]:port, |1|salt|hash, markers. */
export function parseKnownHosts(text: string, file = 'known_hosts'): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const fields = raw.trim().split(/\s+/);
    if (!fields[0] || fields[0].startsWith('#')) return;
    let marker: KnownHostEntry['marker'];
    if (fields[0].startsWith('@')) {
      const name = fields.shift()!.slice(1);
      if (name !== 'cert-authority' && name !== 'revoked') return;
      marker = name;
    }
    const [hosts, keyType, keyB64] = fields;
    if (!hosts || !keyType || !keyB64) return;
    const key = Buffer.from(keyB64, 'base64');
    if (key.length === 0) return;
    const entry: KnownHostEntry = { file, line: i + 1, keyType, key, ...(marker ? { marker } : {}) };
    if (hosts.startsWith('|1|')) {
      const [, , salt, hash] = hosts.split('|');
      if (!salt || !hash) return;
      entry.hashed = { salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
    } else {
      entry.patterns = hosts.split(',').filter(Boolean);
    }
    entries.push(entry);
  });
  return entries;
}

const globToRegExp = (glob: string): RegExp =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');

function patternsMatch(patterns: readonly string[], name: string): boolean {
  let matched = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    if (globToRegExp(negated ? p.slice(1) : p).test(name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

/** `name` is what ssh looks up: 'host' on port 22, '[host]:port' otherwise (see knownHostsName). */
export function entryMatches(entry: KnownHostEntry, name: string): boolean {
  if (entry.hashed) {
    const digest = createHmac('sha1', entry.hashed.salt).update(name).digest();
    return digest.equals(entry.hashed.hash);
  }
  return patternsMatch(entry.patterns ?? [], name);
}

export type HostKeyStatus =
  | { status: 'known' }
  | { status: 'unknown' }
  | { status: 'revoked'; entry: KnownHostEntry }
  | { status: 'changed'; known: KnownHostEntry[] };

/** Decides as OpenSSH does: a revoked key loses, a listed key wins, another listed key for the host is a change. */
export function checkHostKey(entries: readonly KnownHostEntry[], name: string, key: Buffer): HostKeyStatus {
  const revoked = entries.find((e) => e.marker === 'revoked' && e.key.equals(key));
  if (revoked) return { status: 'revoked', entry: revoked };
  const forHost = entries.filter((e) => !e.marker && entryMatches(e, name));
  if (forHost.some((e) => e.key.equals(key))) return { status: 'known' };
  return forHost.length ? { status: 'changed', known: forHost } : { status: 'unknown' };
}

/** Key types already trusted for the host, so the handshake asks for one of them first (as ssh does). */
export function knownKeyTypes(entries: readonly KnownHostEntry[], name: string): string[] {
  return [...new Set(entries.filter((e) => !e.marker && entryMatches(e, name)).map((e) => e.keyType))];
}
