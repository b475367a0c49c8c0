import { isIP } from 'node:net';
import type { CompatIssue } from './ha-cf.js';

/** One haresources token, before defaults are applied. */
export type HaResource =
  | { kind: 'ip'; ip: string; cidr?: number; nic?: string; token: string }
  | { kind: 'drbd'; resource: string; token: string }
  | { kind: 'filesystem'; device: string; directory: string; fstype: string; options?: string; token: string }
  | { kind: 'script'; name: string; args: string[]; token: string };

export interface HaResourceLine {
  node: string;
  resources: HaResource[];
  line: number;
}

const SKIPPED = new Set(['MailTo', 'IPsrcaddr', 'Delay', 'SendArp', 'AudibleAlarm', 'WAS', 'WinPopup', 'Xinetd']);

/** `NODE res1 res2::arg ...`, with backslash continuation lines, as heartbeat v1 reads it. */
export function parseHaresources(text: string, file: string, issues: CompatIssue[], warnings: CompatIssue[]): HaResourceLine[] {
  const out: HaResourceLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let content = lines[i]!.replace(/(^|\s)#.*$/, '');
    while (/\\\s*$/.test(content) && i + 1 < lines.length) content = content.replace(/\\\s*$/, ' ') + lines[++i]!.replace(/(^|\s)#.*$/, '');
    const tokens = content.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const [node, ...rest] = tokens;
    if (rest.length === 0) {
      issues.push({ file, line: start, message: `node ${node} lists no resources` });
      continue;
    }
    const resources: HaResource[] = [];
    for (const token of rest) {
      const r = parseToken(token, (message) => issues.push({ file, line: start, message }));
      if (r === 'skip') warnings.push({ file, line: start, message: `${token}: resource type not supported by the agent, skipped` });
      else if (r) resources.push(r);
    }
    out.push({ node: node!, resources, line: start });
  }
  return out;
}

function parseToken(token: string, err: (m: string) => void): HaResource | 'skip' | undefined {
  const [name = '', ...args] = token.split('::');
  if (args.length === 0 && isIP(name.split('/')[0] ?? '') !== 0) return parseIp(name, token, err);
  if (name === 'IPaddr' || name === 'IPaddr2') {
    if (!args[0]) return void err(`${token}: expected ${name}::IP[/CIDR[/NIC]]`);
    return parseIp(args[0], token, err);
  }
  if (name === 'drbddisk') return { kind: 'drbd', resource: args[0] ?? 'all', token };
  if (name === 'Filesystem') {
    const [device, directory, fstype, options] = args;
    if (!device || !directory || !fstype) return void err(`${token}: expected Filesystem::DEVICE::DIRECTORY::FSTYPE[::OPTIONS]`);
    return { kind: 'filesystem', device, directory, fstype, ...(options ? { options } : {}), token };
  }
  if (SKIPPED.has(name)) return 'skip';
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) return void err(`${token}: not a resource script name`);
  return { kind: 'script', name, args, token };
}

/** IP[/CIDR[/NIC[/BROADCAST]]] as the IPaddr resource takes it. */
function parseIp(spec: string, token: string, err: (m: string) => void): HaResource | undefined {
  const [ip = '', cidr, nic] = spec.split('/');
  if (isIP(ip) === 0) return void err(`${token}: "${ip}" is not an IP address`);
  const res: HaResource = { kind: 'ip', ip, token };
  if (cidr !== undefined && cidr !== '') {
    const n = Number(cidr);
    if (!Number.isInteger(n) || n < 0 || n > 32) return void err(`${token}: "${cidr}" is not a prefix length`);
    res.cidr = n;
  }
  if (nic) res.nic = nic;
  return res;
}
