import { HactlError } from '../../diagnostics/index.js';
import { defaultKnownHostsFiles, sshTransport, type SshConnectOptions } from '../../transport/index.js';
import { isPathConflict, type Transport } from '../../transport/transport.js';
import { referencedPaths } from './references.js';
import { MAX_FILE_BYTES, type ImportSources, type NodeSource } from './types.js';

export interface SshTarget {
  user: string;
  host: string;
  port?: number;
}

export interface SshImportOptions {
  identityFile?: string;
  knownHostsFiles?: string[];
  acceptNewHostKeys?: boolean;
  /** OpenSSH-style ProxyCommand argv (%h, %p), e.g. through a jump host */
  proxyCommand?: string[];
}

/** The configuration files hactl knows the place of, on any of the platforms it reads. */
export const KNOWN_PATHS = [
  '/etc/ha.d/ha.cf',
  '/etc/ha.d/haresources',
  '/etc/ha.d/authkeys',
  '/etc/keepalived/keepalived.conf',
  '/etc/corosync/corosync.conf',
  '/etc/corosync/authkey',
  '/var/lib/heartbeat/crm/cib.xml',
  '/var/lib/pacemaker/cib/cib.xml',
  '/etc/drbd.conf',
  '/etc/hosts',
  '/etc/sysconfig/iptables',
  '/etc/iptables/rules.v4',
  '/etc/hactl/agent.json',
  '/etc/hactl/cluster.json',
  '/etc/network/interfaces',
];

/** Directories whose files are configuration too (drbd resources, CentOS NIC files), listed on the node. */
const LISTED = "ls -1d /etc/drbd.d/*.res /etc/drbd.d/*.conf /etc/sysconfig/network-scripts/ifcfg-* 2>/dev/null; true";

/** `user@host[:port]` as --ssh takes it. */
export function parseSshTarget(text: string): SshTarget {
  const m = /^(?:([^@\s]+)@)?(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(text.trim());
  if (!m) throw new HactlError('import-bad-argument', `--ssh ${JSON.stringify(text)}: expected USER@HOST or USER@HOST:PORT`);
  return { user: m[1] ?? 'root', host: m[2]!.replace(/^\[|\]$/g, ''), ...(m[3] ? { port: Number(m[3]) } : {}) };
}

async function readPaths(t: Transport, paths: readonly string[], node: NodeSource, sources: ImportSources, origin: (p: string) => string): Promise<void> {
  const found = await t.readFiles(paths);
  paths.forEach((path, i) => {
    const live = found[i];
    if (live === undefined || node.files.some((f) => f.path === path)) return;
    if (isPathConflict(live)) {
      sources.unreadable.push({ origin: origin(path), reason: `${live.conflict}: import reads regular files only` });
      return;
    }
    if (live.content.length > MAX_FILE_BYTES) {
      sources.unreadable.push({ origin: origin(path), reason: `${live.content.length} bytes: larger than a configuration file` });
      return;
    }
    node.files.push({ origin: origin(path), path, bytes: live.content, mode: parseInt(live.mode, 8) });
  });
}

/**
 * Reads every node's configuration over SSH, read-only: files by their known places, the files those name, the
 * hostname and the addresses (`uname -n`, `ip -o -4 addr show`). Nothing is written on a node.
 */
export async function readSshSources(targets: readonly SshTarget[], options: SshImportOptions = {}): Promise<ImportSources> {
  const sources: ImportSources = { nodes: [], cluster: [], hints: [], unreadable: [] };
  const connect: SshConnectOptions = { knownHostsFiles: options.knownHostsFiles ?? defaultKnownHostsFiles(), acceptNewHostKeys: options.acceptNewHostKeys ?? false };
  for (const target of targets) {
    const endpoint = {
      node: target.host,
      host: target.host,
      port: target.port ?? 22,
      user: target.user,
      sudo: target.user !== 'root',
      ...(options.identityFile ? { identityFile: options.identityFile } : {}),
      ...(options.proxyCommand ? { proxyCommand: options.proxyCommand } : {}),
    };
    const t = await sshTransport(endpoint, connect);
    try {
      const where = `${target.user}@${target.host}`;
      const origin = (p: string) => `${where}:${p}`;
      const uname = await t.exec('uname -n');
      const name = uname.stdout.trim().split('.')[0] ?? '';
      if (uname.code !== 0 || !name) throw new HactlError('import-unreadable', `${where}: uname -n failed: ${uname.stderr.trim()}`);
      const node: NodeSource = { name, files: [], ssh: { host: target.host, ...(target.port ? { port: target.port } : {}), ...(target.user !== 'root' ? { user: target.user } : { user: 'root' }) } };
      const addr = await t.exec('ip -o -4 addr show');
      if (addr.code === 0) node.ipAddr = { origin: `${where}: ip -o -4 addr show`, path: 'ip-addr', bytes: Buffer.from(addr.stdout) };
      const listed = (await t.exec(LISTED)).stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('/'));
      await readPaths(t, [...KNOWN_PATHS, ...listed], node, sources, origin);
      await readPaths(t, referencedPaths(node.files), node, sources, origin);
      sources.nodes.push(node);
    } finally {
      await t.close();
    }
  }
  return sources;
}

/** `--proxy-command "ssh -W %h:%p jump"` split into argv at blanks ('single quotes' keep a word together). */
export function proxyArgv(text: string): string[] {
  const words = text.match(/'[^']*'|[^\s]+/g) ?? [];
  return words.map((w) => (w.startsWith("'") ? w.slice(1, -1) : w));
}

