import type { ClusterModel, PlatformName } from '../model/model.js';
import { allPrimitives } from '../model/normalize.js';
import { quote } from '../transport/shell.js';
import { platformProfile, type PlatformProfile } from './profiles.js';

type Component = keyof PlatformProfile['packages'];

/** What the stack runs, in the profile's package vocabulary: one entry per daemon or service kind it needs installed. */
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
