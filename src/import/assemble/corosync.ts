import type { ClusterInput } from '../../model/cluster.js';
import type { PlatformProfile } from '../../platform/profiles.js';
import { at } from '../located.js';
import { sliceLines } from '../parse/blocks.js';
import { item } from '../report.js';
import type { Assembly, NodeConfig } from './context.js';
import { compact, duration, type Draft } from './draft.js';
import { agreed } from './merge.js';
import type { SecretOptions } from './secrets.js';

type Corosync = NonNullable<ClusterInput['corosync']>;

/** The NIC of a node that holds an address (its own ring address). */
function nicHolding(draft: Draft, node: string, addresses: readonly string[]): string | undefined {
  const nics = draft.nodes[node]?.nics ?? {};
  return Object.entries(nics).find(([, v]) => addresses.includes((typeof v === 'string' ? v : v.address).split('/')[0]!))?.[0];
}

/** corosync.conf of the nodes (1.x or 3): one corosync section, values at their defaults left out. */
export function assembleCorosync(a: Assembly, draft: Draft, profile: PlatformProfile): void {
  const confs = a.nodes.filter((n): n is NodeConfig & { corosync: NonNullable<NodeConfig['corosync']> } => n.corosync !== undefined);
  if (!confs.length) return;
  const c = confs[0]!.corosync.value;
  const same = <T>(what: string, get: (x: typeof c) => T) => agreed(a, what, `corosync.${what}`, confs.map((n) => ({ node: n.name, value: get(n.corosync.value), where: at(n.corosync.file.origin, 1) })));
  const version = same('version', (x) => x.version);
  const transport = same('transport', (x) => x.transport);
  const defaultTransport = version === 1 ? 'udpu' : 'knet';
  // corosync 3 encrypts only when crypto_cipher says so (its default is none); 1.x has secauth
  const secauth = version === 3 ? c.crypto === true : c.secauth;
  const defaultSecauth = version === 3 && (transport ?? 'knet') === 'knet';
  const logfile = same('logfile', (x) => (x.logging.toLogfile === false ? undefined : x.logging.logfile));
  const defaultLogfile = version === 1 ? '/var/log/cluster/corosync.log' : profile.corosyncLogfile;
  const ring = [...c.members, ...c.nodes.map((n) => n.address)];
  const interconnect = confs.map((n) => nicHolding(draft, n.name, ring)).find((x) => x !== undefined);
  const firstNic = Object.keys(draft.nodes[confs[0]!.name]?.nics ?? {})[0];
  const out: Corosync = compact({
    version: version ?? 3,
    transport: transport && transport !== defaultTransport ? transport : undefined,
    mcastport: c.mcastport !== undefined && c.mcastport !== 5405 ? c.mcastport : undefined,
    ttl: c.ttl !== undefined && c.ttl !== 1 ? c.ttl : undefined,
    secauth: secauth !== undefined && secauth !== defaultSecauth ? secauth : undefined,
    interconnect: interconnect && interconnect !== firstNic ? interconnect : undefined,
    twoNode: c.twoNode !== undefined && c.twoNode !== (a.nodes.length === 2) ? c.twoNode : undefined,
    logfile: logfile && logfile !== defaultLogfile ? logfile : undefined,
    debug: c.logging.debug ? true : undefined,
    toSyslog: c.logging.toSyslog === false ? false : undefined,
    timestamp: c.logging.timestamp === false ? false : undefined,
    token: c.tokenMs !== undefined ? duration(c.tokenMs) : undefined,
  }) as Corosync;
  draft.corosync = out;
  draft.runtime = 'pacemaker';
  draft.pacemaker = { ...(draft.pacemaker ?? {}), messaging: 'corosync' };
  if (c.clusterName) draft.cluster = c.clusterName;
  for (const n of confs) {
    a.consumed.add(n.corosync.file);
    for (const k of n.corosync.value.kept) a.items.push(item('passthrough', 'corosync-key', sliceLines(n.corosync.file.bytes.toString('utf8'), k.stmt).trim(), { where: at(n.corosync.file.origin, k.stmt.line, k.stmt.column), why: k.why }));
  }
  for (const n of c.nodes) {
    if (n.name && !a.nodes.some((x) => x.name === n.name)) a.items.push(item('skipped', 'corosync-node', `nodelist node ${n.name} (${n.address})`, { why: 'no files were read for it: import that node too' }));
  }
  const key = a.nodes.find((n) => n.corosyncAuthkey)?.corosyncAuthkey;
  for (const n of a.nodes) if (n.corosyncAuthkey) a.consumed.add(n.corosyncAuthkey);
  if (key) a.items.push(item('changed', 'corosync-authkey', `${key.origin} (${key.bytes.length} bytes, not shown)`, { where: at(key.origin, 0), path: 'auth.keyFrom', why: 'hactl derives /etc/corosync/authkey from the stack’s key: apply writes a new one on every node at once' }));
}

/**
 * Encrypted corosync needs the stack's key to derive /etc/corosync/authkey from. An authkey cannot be turned back into
 * the key it came from: when no other file (authkeys, agent.json) gave a key, the stack gets a new one.
 */
export function corosyncKey(a: Assembly, draft: Draft, secrets: SecretOptions): void {
  const c = draft.corosync;
  if (!c || draft.auth?.keyFrom) return;
  const encrypted = c.secauth ?? (c.version === 3 && (c.transport ?? 'knet') === 'knet');
  if (!encrypted) return;
  draft.auth = { method: draft.auth?.method ?? 'sha256', keyFrom: secrets.mode === 'env' ? { env: 'HACTL_AUTHKEY' } : { file: `${secrets.dir}/corosync.key`, generate: true } };
  a.items.push(item('changed', 'corosync-new-key', 'a new cluster key for corosync', { path: 'auth.keyFrom', why: secrets.mode === 'env' ? 'set HACTL_AUTHKEY to a new key: an authkey cannot be turned back into the key it was derived from' : `generated into ${secrets.dir}/corosync.key when first needed: an authkey cannot be turned back into the key it was derived from; apply writes the new authkey on every node at once` }));
}
