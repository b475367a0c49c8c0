import { readFile } from 'node:fs/promises';
import { execa } from 'execa';
import { error, type Diagnostic } from '../../diagnostics/index.js';
import { overlaps, parseCidr } from '../../model/network.js';

export interface HostRoute {
  dst: string;
  dev: string;
}

export interface WantedNetwork {
  /** the libvirt network name hactl gives this subnet */
  name: string;
  subnet: string;
  path: string;
}

/** The host's IPv4 routes (`ip -j route`); empty when ip is unavailable. */
export async function hostRoutes(): Promise<HostRoute[]> {
  const r = await execa('ip', ['-j', '-4', 'route', 'show'], { reject: false });
  if (r.exitCode !== 0) return [];
  return (JSON.parse(r.stdout || '[]') as { dst?: string; dev?: string }[]).flatMap((x) => (x.dst && x.dev ? [{ dst: x.dst, dev: x.dev }] : []));
}

/** The bridge libvirt runs a network on, from its live state file; undefined when the network is not running. */
export async function libvirtBridge(network: string): Promise<string | undefined> {
  for (const dir of ['/run/libvirt/network', '/var/run/libvirt/network']) {
    const xml = await readFile(`${dir}/${network}.xml`, 'utf8').catch(() => undefined);
    const bridge = xml ? /<bridge\s[^>]*name=['"]([^'"]+)['"]/.exec(xml)?.[1] : undefined;
    if (bridge) return bridge;
  }
  return undefined;
}

/**
 * Subnets the host already routes elsewhere: its real networks, or another lab's. libvirt would refuse to create the
 * network (or the host would lose its route); a route on the bridge of the network hactl itself made is fine.
 */
export function networksInUse(wanted: readonly WantedNetwork[], routes: readonly HostRoute[], ownBridges: ReadonlyMap<string, string>): Diagnostic[] {
  const issues: Diagnostic[] = [];
  for (const net of wanted) {
    const subnet = parseCidr(net.subnet);
    const clash = routes.find((r) => r.dst !== 'default' && overlaps(subnet, parseCidr(r.dst)) && ownBridges.get(net.name) !== r.dev);
    if (clash) {
      issues.push(error('vagrant-network-in-use', net.path, `${net.subnet} overlaps the host's route ${clash.dst} on ${clash.dev}: choose a subnet the host does not use`));
    }
  }
  return issues;
}
