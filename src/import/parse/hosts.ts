import { at, sourceError, type Parsed, type Where } from '../located.js';
import { contentLines } from './text.js';

export interface HostsEntry {
  ip: string;
  names: string[];
  where: Where;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const LOOPBACK = /^(127\.|::1$|fe00::|ff0[02]::)/;

/** /etc/hosts: address and names per line; loopback and IPv6 lines are the distribution's own. */
export function parseHosts(text: string, file: string): Parsed<{ entries: HostsEntry[]; system: HostsEntry[] }> {
  const entries: HostsEntry[] = [];
  const system: HostsEntry[] = [];
  const issues = [];
  for (const l of contentLines(text)) {
    const [ip = '', ...names] = l.content.split(/\s+/);
    const where = at(file, l.line, l.column);
    if (!names.length) {
      issues.push(sourceError('import-syntax', where, `"${l.content}" names no host`));
      continue;
    }
    if (LOOPBACK.test(ip) || ip.includes(':')) system.push({ ip, names, where });
    else if (!IPV4.test(ip)) issues.push(sourceError('import-syntax', where, `"${ip}" is not an address`));
    else entries.push({ ip, names, where });
  }
  return { value: { entries, system }, issues };
}
