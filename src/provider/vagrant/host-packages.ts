import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ClusterModel } from '../../model/model.js';
import { packagesFor } from '../../platform/packages.js';
import { quote } from '../../transport/shell.js';
import type { Transport } from '../../transport/transport.js';
import { VagrantError } from './errors.js';

/** The Debian suite hactl's box is built from (scripts/build-box): packages fetched on the host must be of it. */
export const BOX_SUITE = 'bookworm';
const GUEST_DIR = '/var/tmp/hactl-host-debs';

export interface HostInstall {
  node: string;
  packages: string[];
  bytes: number;
  ms: number;
}

/** The packages dpkg has installed on a guest, from `dpkg-query -W -f '${db:Status-Abbrev} ${Package}\n'`. */
export function parseDpkgList(stdout: string): Set<string> {
  return new Set(stdout.split('\n').map((l) => l.trim().split(/\s+/)).filter(([s, p]) => s?.startsWith('ii') && p).map(([, p]) => p!.replace(/:\w+$/, '')));
}

/** The real packages `apt-cache depends --recurse` names (virtual ones come in angle brackets), wanted ones included. */
export function parseDependsClosure(stdout: string): Set<string> {
  return new Set(stdout.split('\n').filter((l) => l && !/^\s/.test(l) && !l.startsWith('<')).map((l) => l.trim().replace(/:\w+$/, '')));
}

/** What one guest must get from the host: the closure of the missing packages, less what it has. */
export const neededOn = (closure: ReadonlySet<string>, installed: ReadonlySet<string>): string[] => [...closure].filter((p) => !installed.has(p)).sort();

const hostSuite = (): string | undefined => {
  try {
    return /^VERSION_CODENAME=(\S+)$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
  } catch {
    return undefined;
  }
};

async function apt(args: string[], cwd?: string): Promise<{ ok: boolean; out: string }> {
  const r = await execa('apt-get', args, { reject: false, ...(cwd ? { cwd } : {}), env: { DEBIAN_FRONTEND: 'noninteractive' } });
  return { ok: r.exitCode === 0, out: `${String(r.stderr)}\n${String(r.stdout)}`.trim() };
}

/**
 * Packages the stack needs that the box lacks (seed 001's wget, which Pacemaker's apache and tomcat agents call),
 * installed from this host: guests have no route to a mirror. On a Debian host of the box's suite, `apt-get download`
 * fetches them with what they depend on that the guest lacks; the .debs go over SSH and dpkg installs them. Elsewhere
 * nothing happens here, and the packages step says what is missing.
 */
export async function installFromHost(model: ClusterModel, transports: ReadonlyMap<string, Transport>): Promise<HostInstall[]> {
  if (model.platform !== 'debian12' || hostSuite() !== BOX_SUITE || !existsSync('/usr/bin/apt-get')) return [];
  const wanted = packagesFor(model);
  const installed = new Map<string, Set<string>>();
  for (const [node, t] of transports) {
    const r = await t.exec("dpkg-query -W -f '${db:Status-Abbrev} ${Package}\\n'", { timeoutMs: 120_000 });
    installed.set(node, parseDpkgList(r.stdout));
  }
  const missing = [...new Set(wanted.filter((p) => [...installed.values()].some((s) => !s.has(p))))];
  if (missing.length === 0) return [];
  const recurse = await execa('apt-cache', ['depends', '--recurse', '--no-recommends', '--no-suggests', '--no-conflicts', '--no-breaks', '--no-replaces', '--no-enhances', ...missing], { reject: false });
  const closure = parseDependsClosure(String(recurse.stdout));
  const needs = new Map([...installed].map(([node, have]) => [node, neededOn(closure, have)]));
  const all = [...new Set([...needs.values()].flat())].sort();
  if (all.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'hactl-debs-'));
  try {
    let got = await apt(['download', ...all], dir);
    // a host that never fetched its package lists has none to download from
    if (!got.ok) got = (await apt(['update', '-q'])).ok ? await apt(['download', ...all], dir) : got;
    if (!got.ok) throw new VagrantError('vagrant-provision-failed', `the box lacks ${all.join(', ')} and this host could not fetch them (apt-get download): ${got.out.split('\n').slice(-3).join(' / ')}`);
    const debs = readdirSync(dir).filter((f) => f.endsWith('.deb'));
    const debOf = (pkg: string) => debs.find((f) => f.startsWith(`${pkg}_`));
    return await Promise.all([...needs].filter(([, pkgs]) => pkgs.length).map(async ([node, pkgs]) => {
      const t = transports.get(node)!;
      const started = performance.now();
      let bytes = 0;
      const files = pkgs.map(debOf).filter((f): f is string => f !== undefined);
      await t.exec(`rm -rf ${GUEST_DIR} && mkdir -p ${GUEST_DIR}`);
      for (const f of files) {
        const content = readFileSync(join(dir, f));
        bytes += content.length;
        const put = await t.exec(`cat > ${quote(`${GUEST_DIR}/${f}`)}`, { input: content, timeoutMs: 300_000 });
        if (put.code !== 0) throw new VagrantError('vagrant-provision-failed', `${node}: copying ${f} failed: ${put.stderr.trim() || `exit ${put.code}`}`);
      }
      const r = await t.exec(`DEBIAN_FRONTEND=noninteractive dpkg -i ${files.map((f) => quote(`${GUEST_DIR}/${f}`)).join(' ')}; rc=$?; rm -rf ${GUEST_DIR}; exit $rc`, { timeoutMs: 15 * 60_000 });
      if (r.code !== 0) throw new VagrantError('vagrant-provision-failed', `${node}: dpkg -i of ${pkgs.join(', ')} from the host failed: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(-3).join(' / ')}`);
      return { node, packages: pkgs, bytes, ms: performance.now() - started };
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
