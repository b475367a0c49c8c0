import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sshDir } from './names.js';
import { run } from './run.js';

export const labKeyPath = (lab: string): string => join(sshDir(lab), 'id_ed25519');
export const labKnownHostsPath = (lab: string): string => join(sshDir(lab), 'known_hosts');

/** Generates aside and renames into place (public half first), so a reader never sees half a key pair. */
export async function ensureKey(path: string, comment: string): Promise<string> {
  if (!existsSync(path)) {
    const tmp = `${path}.${process.pid}.${Date.now()}`;
    await run(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', tmp]);
    renameSync(`${tmp}.pub`, `${path}.pub`);
    renameSync(tmp, path);
  }
  return readFileSync(`${path}.pub`, 'utf8').trim();
}

/** known_hosts patterns for an endpoint: the bracketed form is what ssh and ssh2 look up for non-22 ports. */
export function hostPatterns(names: readonly string[], port: number): string {
  return names.map((n) => (port === 22 ? n : `[${n}]:${port}`)).join(',');
}

/** Replaces this endpoint's line in the lab's known_hosts, so a restarted node's new key is the one trusted. */
export function recordKnownHost(lab: string, patterns: string, publicKey: string): string {
  const path = labKnownHostsPath(lab);
  const keep = existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith(`${patterns} `)) : [];
  const [type, key] = publicKey.split(' ');
  const line = `${patterns} ${type} ${key}`;
  writeFileSync(path, `${[...keep, line].join('\n')}\n`, { mode: 0o644 });
  return line;
}
