/** One `Host` block of `vagrant ssh-config`. */
export interface SshConfigEntry {
  host: string;
  hostName: string;
  user: string;
  port: number;
  identityFiles: string[];
}

const unquote = (v: string): string => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);

/** Parses OpenSSH client config as vagrant prints it: keywords are case-insensitive, values may be quoted. */
export function parseSshConfig(text: string): Map<string, SshConfigEntry> {
  const entries = new Map<string, SshConfigEntry>();
  let current: SshConfigEntry | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+)\s*(?:=\s*|\s+)(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = unquote(m[2]!.trim());
    if (key === 'host') {
      current = { host: value, hostName: value, user: 'vagrant', port: 22, identityFiles: [] };
      entries.set(value, current);
      continue;
    }
    if (!current) continue;
    if (key === 'hostname') current.hostName = value;
    else if (key === 'user') current.user = value;
    else if (key === 'port') current.port = Number(value);
    else if (key === 'identityfile') current.identityFiles.push(value);
  }
  return entries;
}
