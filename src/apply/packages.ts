import type { ClusterModel, PlatformName } from '../model/model.js';
import { allPrimitives } from '../model/normalize.js';
import { platformProfile, type PlatformProfile } from '../platform/profiles.js';
import { limiter } from '../transport/limit.js';
import { quote } from '../transport/shell.js';
import type { TransportMap } from './plan.js';
import { ApplyError } from './errors.js';

type Component = keyof PlatformProfile['packages'];

const INSTALL_TIMEOUT_MS = 15 * 60_000;

/** What the stack runs, in the profile's package vocabulary (as the seeds' provision scripts install it). */
export function componentsFor(model: ClusterModel): Component[] {
  const wanted = new Set<Component>();
  if (model.runtime === 'heartbeat') wanted.add('heartbeat');
  if (model.runtime === 'pacemaker') wanted.add(model.pacemaker?.messaging === 'corosync' ? 'corosync' : 'pacemaker');
  if (model.runtime === 'keepalived') wanted.add('keepalived');
  if (model.drbd.length) wanted.add('drbd');
  if (model.firewall.implied || model.firewall.rules.length) wanted.add('firewall');
  for (const p of allPrimitives(model)) {
    if (p.kind === 'apache') wanted.add('apache');
    if (p.kind === 'tomcat') wanted.add('tomcat');
    if (p.kind === 'service' && p.service === 'memcached') wanted.add('memcached');
  }
  return [...wanted];
}

export function packagesFor(model: ClusterModel): string[] {
  const profile = platformProfile(model.platform);
  return [...new Set(componentsFor(model).flatMap((c) => profile.packages[c]))];
}

interface PackageQuery {
  command(pkgs: readonly string[]): string;
  installed(stdout: string): Set<string>;
  /** run once before installing (apt needs fresh lists on a new box) */
  prepare?: string;
}

const QUERIES: Record<PlatformName, PackageQuery> = {
  centos6: {
    command: (pkgs) => `rpm -q --qf '%{NAME}\\n' ${pkgs.map(quote).join(' ')}`,
    installed: (out) => new Set(out.split('\n').map((l) => l.trim()).filter((l) => l && !l.includes(' '))),
  },
  debian12: {
    command: (pkgs) => `dpkg-query -W -f '\${Package} \${db:Status-Abbrev}\\n' ${pkgs.map(quote).join(' ')} 2>/dev/null`,
    installed: (out) => new Set(out.split('\n').map((l) => l.trim().split(/\s+/)).filter(([, s]) => s?.startsWith('ii')).map(([p]) => p!)),
    prepare: 'apt-get update -q',
  },
};

export const installedQuery = (platform: PlatformName, pkgs: readonly string[]): string => QUERIES[platform].command(pkgs);
export const parseInstalled = (platform: PlatformName, stdout: string): Set<string> => QUERIES[platform].installed(stdout);

export function installCommand(platform: PlatformName, missing: readonly string[]): string {
  const install = `${platformProfile(platform).packageInstall} ${missing.map(quote).join(' ')}`;
  const prepare = QUERIES[platform].prepare;
  return prepare ? `${prepare} && ${install}` : install;
}

export interface PackageReport {
  node: string;
  wanted: string[];
  /** absent before this run */
  missing: string[];
  /** the command that installed them, when anything was missing */
  command?: string;
}

export interface InstallPackagesOptions {
  model: ClusterModel;
  transports: TransportMap;
  concurrency?: number;
  /** only report what is missing and the command that would install it */
  dryRun?: boolean;
}

/** Idempotent package installation: asks rpm/dpkg first and installs only what is missing. */
export async function installPackages(opts: InstallPackagesOptions): Promise<PackageReport[]> {
  const { model } = opts;
  const wanted = packagesFor(model);
  const limit = limiter(opts.concurrency ?? 10);
  return Promise.all(model.nodes.map((node) => limit(async (): Promise<PackageReport> => {
    const transport = opts.transports.get(node.name);
    if (!transport) throw new ApplyError('apply-no-transport', node.name, `${node.name}: no connection for package installation`);
    if (wanted.length === 0) return { node: node.name, wanted, missing: [] };
    const query = await transport.exec(installedQuery(model.platform, wanted));
    const installed = parseInstalled(model.platform, query.stdout);
    const missing = wanted.filter((p) => !installed.has(p));
    if (missing.length === 0) return { node: node.name, wanted, missing };
    const command = installCommand(model.platform, missing);
    if (!opts.dryRun) {
      const r = await transport.exec(command, { timeoutMs: INSTALL_TIMEOUT_MS });
      if (r.code !== 0) {
        const detail = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-3).join(' / ');
        throw new ApplyError('apply-install-failed', node.name, `${node.name}: \`${command}\` failed: ${detail || `exit ${r.code}`}`);
      }
    }
    return { node: node.name, wanted, missing, command };
  })));
}
