import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execa } from 'execa';

/** libvirt objects and host state, to tell what a test run made from what was there before. */
interface Snapshot {
  domains: Set<string>;
  networks: Set<string>;
  pools: Set<string>;
  volumes: Set<string>;
  chains: Map<string, Set<string>>;
  nftTables: Set<string>;
  ipForward: string;
}

const SOCKET = '/run/libvirt/libvirt-sock';
const TABLES = ['filter', 'nat', 'mangle'];

const sh = async (file: string, args: string[]): Promise<string> => String((await execa(file, args, { reject: false })).stdout ?? '');

// libvirt keeps every persistent object as a file, so what exists can be read even with the daemon stopped.
const entries = (dir: string, ext = ''): Set<string> =>
  new Set(existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => (ext ? f.slice(0, -ext.length) : f)) : []);

async function chainsOf(tool: string): Promise<Set<string>> {
  const out = await sh(`${tool}-save`, []);
  return new Set([...out.matchAll(/^:(LIBVIRT_\w+)/gm)].map((m) => m[1]!));
}

async function snapshot(): Promise<Snapshot> {
  return {
    domains: new Set([...entries('/etc/libvirt/qemu', '.xml'), ...entries('/run/libvirt/qemu', '.xml')]),
    networks: new Set([...entries('/etc/libvirt/qemu/networks', '.xml'), ...entries('/run/libvirt/network', '.xml')]),
    pools: entries('/etc/libvirt/storage', '.xml'),
    volumes: entries('/var/lib/libvirt/images'),
    chains: new Map([['iptables', await chainsOf('iptables')], ['ip6tables', await chainsOf('ip6tables')]]),
    nftTables: new Set((await sh('nft', ['list', 'tables'])).split('\n').filter(Boolean)),
    ipForward: readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim(),
  };
}

const pidOf = (file: string): number | undefined => (existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) || undefined : undefined);

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

async function stop(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const gone = () => !existsSync(`/proc/${pid}`);
  if (!(await waitFor(gone, 10_000))) process.kill(pid, 'SIGKILL');
}

async function removeChains(tool: string, added: string[]): Promise<void> {
  for (const table of TABLES) {
    const rules = (await sh(tool, ['-t', table, '-S'])).split('\n');
    for (const rule of rules) {
      const m = /^-A (\S+) (.*-j (LIBVIRT_\w+).*)$/.exec(rule);
      if (m && added.includes(m[3]!)) await execa(tool, ['-t', table, '-D', m[1]!, ...m[2]!.split(' ')], { reject: false });
    }
    for (const chain of added) {
      await execa(tool, ['-t', table, '-F', chain], { reject: false });
      await execa(tool, ['-t', table, '-X', chain], { reject: false });
    }
  }
}

export interface LibvirtHost {
  /** daemons this run started (stopped again by cleanup), by PID */
  started: { name: string; pid: number }[];
  /** everything libvirt-related the run left, after cleanup: empty when nothing leaked */
  leftovers(): Promise<string[]>;
  cleanup(): Promise<string[]>;
}

/**
 * Starts virtlogd and libvirtd when they are not running (no systemd here), remembers what existed, and on cleanup
 * removes only what appeared since: domains, networks, volumes and the pool, libvirt's iptables chains, the daemons.
 */
export async function openLibvirtHost(): Promise<LibvirtHost> {
  const started: LibvirtHost['started'] = [];
  if (!existsSync(SOCKET) || (await execa('virsh', ['-q', 'version'], { reject: false })).exitCode !== 0) {
    if (!existsSync('/run/libvirt/virtlogd-sock')) {
      await execa('virtlogd', ['-d']);
      await waitFor(() => pidOf('/run/virtlogd.pid') !== undefined, 10_000);
      started.push({ name: 'virtlogd', pid: pidOf('/run/virtlogd.pid')! });
    }
    await execa('libvirtd', ['-d']);
    await waitFor(() => existsSync(SOCKET) && pidOf('/run/libvirtd.pid') !== undefined, 20_000);
    started.push({ name: 'libvirtd', pid: pidOf('/run/libvirtd.pid')! });
  }
  const before = await snapshot();
  const diff = async (): Promise<string[]> => {
    const now = await snapshot();
    const added = (a: Set<string>, b: Set<string>, kind: string) => [...a].filter((x) => !b.has(x)).map((x) => `${kind} ${x}`);
    return [
      ...added(now.domains, before.domains, 'domain'),
      ...added(now.networks, before.networks, 'network'),
      ...added(now.pools, before.pools, 'pool'),
      ...started.filter((d) => existsSync(`/proc/${d.pid}`)).map((d) => `daemon ${d.name} (pid ${d.pid})`),
      ...added(now.volumes, before.volumes, 'volume'),
      ...[...now.chains].flatMap(([tool, chains]) => added(chains, before.chains.get(tool)!, `${tool} chain`)),
      ...added(now.nftTables, before.nftTables, 'nft'),
      ...(now.ipForward !== before.ipForward ? [`net.ipv4.ip_forward ${before.ipForward} -> ${now.ipForward}`] : []),
    ];
  };
  return {
    started,
    leftovers: diff,
    async cleanup() {
      const now = await snapshot();
      for (const d of now.domains) if (!before.domains.has(d) && d.startsWith('hactl-')) {
        await execa('virsh', ['destroy', d], { reject: false });
        await execa('virsh', ['undefine', d, '--remove-all-storage'], { reject: false });
      }
      for (const n of now.networks) if (!before.networks.has(n) && n.startsWith('hactl-')) {
        await execa('virsh', ['net-destroy', n], { reject: false });
        await execa('virsh', ['net-undefine', n], { reject: false });
      }
      for (const v of now.volumes) if (!before.volumes.has(v)) await execa('virsh', ['vol-delete', '--pool', 'default', v], { reject: false });
      for (const p of now.pools) if (!before.pools.has(p)) {
        await execa('virsh', ['pool-destroy', p], { reject: false });
        await execa('virsh', ['pool-undefine', p], { reject: false });
      }
      for (const daemon of [...started].reverse()) await stop(daemon.pid);
      for (const [tool, chains] of (await snapshot()).chains) {
        const added = [...chains].filter((c) => !before.chains.get(tool)!.has(c));
        if (added.length) await removeChains(tool, added);
      }
      // iptables-nft made these tables for libvirt's chains: drop them again once they hold no rule
      for (const table of (await snapshot()).nftTables) {
        const [, family, name] = table.split(' ');
        if (before.nftTables.has(table) || !family || !name) continue;
        const tool = family === 'ip6' ? 'ip6tables' : 'iptables';
        const rules = (await sh(tool, ['-t', name, '-S'])).split('\n').filter((l) => l && !l.startsWith('-P '));
        if (rules.length === 0) await execa('nft', ['delete', 'table', family, name], { reject: false });
      }
      if (readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim() !== before.ipForward) {
        await execa('sysctl', ['-q', '-w', `net.ipv4.ip_forward=${before.ipForward}`], { reject: false });
      }
      return diff();
    },
  };
}
