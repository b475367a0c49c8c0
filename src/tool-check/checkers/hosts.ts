import ipaddr from 'ipaddr.js';
import { isIpv4 } from '../../model/network.js';
import type { RenderedFile } from '../../render/artifact.js';
import { type CheckContext, checkEach, type CheckResult, defineChecker, NAMESPACE_TOOLS } from '../checker.js';
import { setupFailure, withNetns } from '../throwaway-netns.js';

const TOOL = 'hosts lint + getent ahostsv4 (file staged as /etc/hosts, posing as the node in private namespaces)';
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*$/;

/** Every line's address is valid, every cluster node name maps to exactly one IPv4 address. */
export function lintHosts(content: string, nodes: readonly string[]): { problems: string[]; addresses: Map<string, string> } {
  const problems: string[] = [];
  const addresses = new Map<string, string>();
  for (const [i, raw] of content.split('\n').entries()) {
    const [ip, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
    if (!ip) continue;
    const v4 = isIpv4(ip);
    if (!v4 && !(ip.includes(':') && ipaddr.IPv6.isValid(ip))) problems.push(`line ${i + 1}: ${JSON.stringify(ip)} is not an IP address`);
    if (names.length === 0) problems.push(`line ${i + 1}: ${ip} has no name`);
    for (const name of names) {
      if (!HOSTNAME.test(name)) problems.push(`line ${i + 1}: ${JSON.stringify(name)} is not a valid host name`);
      if (!v4) continue;
      const before = addresses.get(name);
      if (before && before !== ip) problems.push(`line ${i + 1}: ${name} maps to ${ip} and also to ${before}`);
      else addresses.set(name, ip);
    }
  }
  for (const node of nodes) if (!addresses.has(node)) problems.push(`node ${node} has no IPv4 address in the file`);
  return { problems, addresses };
}

async function checkOne(file: RenderedFile, context: CheckContext): Promise<CheckResult> {
  const base = { node: file.node, path: file.path, tool: TOOL };
  const nodes = context.model.nodes.map((n) => n.name);
  const { problems, addresses } = lintHosts(file.content, nodes);
  if (problems.length) return { ...base, ok: false, message: problems.join('\n') };
  // no network in the namespace: a name missing from the file cannot be answered by DNS instead
  const script = 'for n do a=$(getent ahostsv4 "$n") || { echo "$n -"; continue; }; echo "$n ${a%% *}"; done';
  // getaddrinfo skips IPv4 answers on a host without an IPv4 address, so the namespace gets the node's own
  const nics = context.model.nodes.find((n) => n.name === file.node)?.nics ?? [];
  const interfaces = nics.map((nic) => ({ name: nic.name, addresses: [`${nic.address}/${nic.prefix}`] }));
  let r;
  try {
    r = await withNetns(interfaces, (ns) =>
      ns.run(['sh', '-c', script, 'sh', ...nodes], { hostname: 'hactl-hosts-check', files: [{ path: '/etc/hosts', content: file.content }] }),
    );
  } catch (e) {
    return { ...base, ok: false, message: setupFailure(e) };
  }
  const resolved = new Map(r.stdout.trim().split('\n').map((line) => line.split(' ') as [string, string]));
  const wrong = nodes.filter((n) => resolved.get(n) !== addresses.get(n));
  if (r.exitCode !== 0 || wrong.length) {
    const detail = wrong.map((n) => `${n} -> ${resolved.get(n) ?? '?'} (file says ${addresses.get(n)})`).join(', ');
    return { ...base, ok: false, message: `getent ahostsv4 disagrees: ${detail || r.stderr.trim()}` };
  }
  return { ...base, ok: true };
}

/** /etc/hosts: parsed here, then resolved through the C library exactly as the cluster daemons will. */
export const hostsChecker = defineChecker({
  id: 'hosts',
  tools: [
    { binary: 'getent', apt: 'libc-bin' },
    ...NAMESPACE_TOOLS,
  ],
  check: (files, context) => checkEach(files, (file) => checkOne(file, context)),
  writeLast: false,
});
