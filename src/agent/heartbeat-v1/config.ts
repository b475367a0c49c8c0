import { accessSync, constants, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { HactlError } from '../../diagnostics/index.js';
import { parseAgentConfig, type AgentConfig, type AgentConfigDocument, type AgentResourceDocument } from '../config/index.js';
import type { InterfaceTable } from '../udp/address.js';
import { parseAuthkeys } from './authkeys.js';
import { parseHaCf, type CompatIssue } from './ha-cf.js';
import { parseHaresources, type HaResource } from './haresources.js';

export type { CompatIssue } from './ha-cf.js';

export interface HeartbeatV1Files {
  haCf: string;
  haresources: string;
  authkeys: string;
  /** octal mode of authkeys; heartbeat refuses anything readable by others. */
  authkeysMode?: number;
}

export interface HeartbeatV1Options {
  /** Cluster name for packets (ha.cf has none). Default "heartbeat". */
  cluster?: string;
  /** Interfaces of this host, to find the NIC of a bare VIP. Default: os.networkInterfaces(). */
  interfaces?: InterfaceTable;
  /** Whether a resource script is there to run (resource.d before init.d): an executable file. Default: the file system. */
  executable?: (path: string) => boolean;
  /** heartbeat v1 monitors nothing; the agent checks each resource this often. Default 10000; 0 disables. */
  monitorIntervalMs?: number;
  /** A failed resource leaves the node at the first failure (hb_standby) and may return after this. Default 60000. */
  failureTimeoutMs?: number;
  haDir?: string;
}

export interface HeartbeatV1Result {
  config: AgentConfig;
  warnings: CompatIssue[];
}

export class HeartbeatV1Error extends HactlError {
  constructor(readonly issues: CompatIssue[]) {
    super('agent-compat', 'cannot run from heartbeat v1 files:\n' + issues.map((i) => `  ${i.file}:${i.line}: ${i.message}`).join('\n'));
    this.name = 'HeartbeatV1Error';
  }
}

/** Reads /etc/ha.d (or another directory) so the agent can replace heartbeat v1 in place. */
export async function loadHeartbeatV1(haDir: string, opts: HeartbeatV1Options = {}): Promise<HeartbeatV1Result> {
  const read = async (name: string): Promise<string> => {
    try {
      return await readFile(join(haDir, name), 'utf8');
    } catch (err) {
      throw new HeartbeatV1Error([{ file: join(haDir, name), line: 0, message: (err as Error).message }]);
    }
  };
  const [haCf, haresources, authkeys] = await Promise.all([read('ha.cf'), read('haresources'), read('authkeys')]);
  const authkeysMode = (await stat(join(haDir, 'authkeys'))).mode & 0o777;
  return heartbeatV1Config({ haCf, haresources, authkeys, authkeysMode }, { haDir, ...opts });
}

export function heartbeatV1Config(files: HeartbeatV1Files, opts: HeartbeatV1Options = {}): HeartbeatV1Result {
  const dir = opts.haDir ?? '/etc/ha.d';
  const issues: CompatIssue[] = [];
  const warnings: CompatIssue[] = [];
  const f = (name: string): string => join(dir, name);
  const cf = parseHaCf(files.haCf, f('ha.cf'), issues, warnings);
  const lines = parseHaresources(files.haresources, f('haresources'), issues, warnings);
  const auth = parseAuthkeys(files.authkeys, f('authkeys'), issues, warnings);
  if (files.authkeysMode !== undefined && (files.authkeysMode & 0o077) !== 0) {
    issues.push({ file: f('authkeys'), line: 0, message: `mode ${files.authkeysMode.toString(8)}: chmod 600 authkeys (heartbeat refuses it too)` });
  }
  if (cf.nodes.length === 0) issues.push({ file: f('ha.cf'), line: 0, message: 'no "node" directive' });
  if (cf.ucast.length + cf.bcast.length + cf.mcast.length === 0) issues.push({ file: f('ha.cf'), line: 0, message: 'no ucast, bcast or mcast directive' });
  const ifaces = opts.interfaces ?? networkInterfaces();
  const executable = opts.executable ?? isExecutableFile;

  const links: AgentConfigDocument['links'] = [];
  const port = cf.udpport ?? 694;
  const byIface = new Map<string, string[]>();
  for (const u of cf.ucast) byIface.set(u.iface, [...(byIface.get(u.iface) ?? []), u.ip]);
  for (const [iface, peers] of byIface) links.push({ name: iface, mode: 'ucast', iface, port, peers });
  for (const b of cf.bcast) links.push({ name: byIface.has(b.iface) ? `${b.iface}-bcast` : b.iface, mode: 'bcast', iface: b.iface, port });
  for (const m of cf.mcast) links.push({ name: `${m.iface}-mcast`, mode: 'mcast', iface: m.iface, group: m.group, port: m.port, ttl: m.ttl });

  const monitorIntervalMs = opts.monitorIntervalMs ?? 10000;
  const usedIds = new Set<string>();
  // Group names are taken first so resource ids (class-prefixed) never collide with them.
  const groupNames = lines.map((l) => {
    const first = l.resources.find((r) => r.kind !== 'ip');
    const ip = l.resources.find((r) => r.kind === 'ip');
    const base = !first ? `vip-${ip?.kind === 'ip' ? ip.ip : 'group'}` : first.kind === 'script' ? first.name : first.kind === 'drbd' ? first.resource : baseName(first.directory);
    return unique(base, usedIds);
  });
  const groups = lines.map((l, i) => {
    if (!cf.nodes.includes(l.node)) issues.push({ file: f('haresources'), line: l.line, message: `node "${l.node}" is not declared in ha.cf` });
    const members = l.resources.map((r) => toResource(r, { ifaces, executable, dir, monitorIntervalMs }, usedIds, (message) => issues.push({ file: f('haresources'), line: l.line, message })));
    return {
      name: groupNames[i]!,
      preferred: l.node,
      members: members.filter((m) => m !== undefined),
      migrationThreshold: 1,
      failureTimeoutMs: opts.failureTimeoutMs ?? 60000,
    };
  });

  if (issues.length > 0) throw new HeartbeatV1Error(issues);
  if (cf.ipfail === false && cf.ping.length > 0) {
    warnings.push({ file: f('ha.cf'), line: 0, message: 'ping nodes: a node that reaches none of them gives up its resources (as with ipfail)' });
  }
  const deadtimeMs = cf.deadtimeMs ?? 30000;
  const keepaliveMs = cf.keepaliveMs ?? 2000;
  const doc: AgentConfigDocument = {
    version: 1,
    cluster: opts.cluster ?? 'heartbeat',
    nodes: cf.nodes.map((name) => ({ name, addresses: {} })),
    links,
    auth,
    timings: {
      keepaliveMs,
      deadtimeMs,
      warntimeMs: cf.warntimeMs ?? Math.min(deadtimeMs, Math.max(keepaliveMs * 2, Math.round(deadtimeMs / 2))),
      initdeadMs: cf.initdeadMs ?? deadtimeMs * 2,
    },
    autoFailback: cf.autoFailback ?? true,
    ...(cf.ping.length > 0 ? { ping: { targets: cf.ping, minReachable: 1 } } : {}),
    quorum: { policy: 'ignore' },
    groups,
    ...(cf.logfile ? { log: { file: cf.logfile } } : {}),
  };
  return { config: parseAgentConfig(doc, `${dir} (heartbeat v1)`), warnings };
}

function baseName(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() || 'root';
}

function unique(base: string, used: Set<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'res';
  let name = clean;
  for (let i = 2; used.has(name); i++) name = `${clean}-${i}`;
  used.add(name);
  return name;
}

// heartbeat's scriptpath(): `[ -f $dir/$script -a -x $dir/$script ]`
function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

interface Lookup {
  ifaces: InterfaceTable;
  executable: (path: string) => boolean;
  /** the ha.d directory the files came from: its resource.d holds the scripts */
  dir: string;
  monitorIntervalMs: number;
}

function toResource(r: HaResource, lookup: Lookup, used: Set<string>, err: (m: string) => void): AgentResourceDocument | undefined {
  const { ifaces, monitorIntervalMs } = lookup;
  const ops = { monitor: { intervalMs: monitorIntervalMs } };
  switch (r.kind) {
    case 'ip': {
      const found = r.nic === undefined || r.cidr === undefined ? findIface(ifaces, r.ip) : undefined;
      const nic = r.nic ?? found?.nic;
      const cidr = r.cidr ?? found?.prefix;
      if (nic === undefined || cidr === undefined) {
        err(`${r.token}: no interface on this host has a subnet containing ${r.ip}; write it as ${r.ip}/PREFIX/NIC`);
        return undefined;
      }
      return { id: unique(`ip-${r.ip}`, used), class: 'ipaddr2', ip: r.ip, cidr, nic: nic.split(':')[0]!, ...(nic.includes(':') ? { label: nic } : {}), arpCount: 1, ops };
    }
    case 'drbd':
      return { id: unique(`drbd-${r.resource}`, used), class: 'drbd', resource: r.resource, ops };
    case 'filesystem':
      return { id: unique(`fs-${baseName(r.directory)}`, used), class: 'filesystem', device: r.device, directory: r.directory, fstype: r.fstype, ...(r.options ? { options: r.options } : {}), ops };
    case 'script': {
      // heartbeat looks in resource.d first, then init.d, and takes only an executable file
      const candidates = [join(lookup.dir, 'resource.d', r.name), `/etc/init.d/${r.name}`];
      const path = candidates.find(lookup.executable);
      if (path === undefined) {
        err(`${r.token}: no executable resource script ${candidates.join(' or ')} (heartbeat: "Cannot locate resource script")`);
        return undefined;
      }
      return { id: unique(`script-${r.name}`, used), class: 'heartbeat', name: r.name, path, args: r.args, ops };
    }
  }
}

function findIface(ifaces: InterfaceTable, ip: string): { nic: string; prefix: number } | undefined {
  const target = toInt(ip);
  if (target === undefined) return undefined;
  for (const [nic, addrs] of Object.entries(ifaces)) {
    for (const a of addrs ?? []) {
      if (a.family !== 'IPv4' || !a.cidr) continue;
      const prefix = Number(a.cidr.split('/')[1]);
      const base = toInt(a.address)!;
      const size = 2 ** (32 - prefix);
      if (Math.floor(base / size) === Math.floor(target / size)) return { nic, prefix };
    }
  }
  return undefined;
}

function toInt(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((a, p) => a * 256 + p, 0);
}
