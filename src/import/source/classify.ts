import { posix } from 'node:path';
import type { SourceFile } from './types.js';

export type FileKind =
  | 'ha.cf'
  | 'haresources'
  | 'authkeys'
  | 'keepalived'
  | 'corosync'
  | 'corosync-authkey'
  | 'cib'
  | 'crm'
  | 'drbd'
  | 'hosts'
  | 'iptables'
  | 'agent'
  | 'vagrant'
  | 'ip-addr'
  | 'ifcfg'
  | 'interfaces'
  | 'hint'
  | 'ignored'
  | 'other';

const head = (f: SourceFile) => f.bytes.subarray(0, 4096).toString('utf8');

/**
 * What a file is, by its name where the name is the one the tools use, else by a look at its start. A file that is
 * none of these is only read when a configuration names it (a respawned script, an init script) or kept as it is.
 */
export function classify(f: SourceFile): FileKind {
  const base = posix.basename(f.path);
  const path = f.path.startsWith('/') ? f.path : `/${f.path}`;
  if (base === '.hactl-render.json') return 'ignored';
  if (base === 'manifest.json' || base === 'model.json' || path.endsWith('/etc/hactl/cluster.json')) return 'hint';
  if (base === 'ha.cf') return 'ha.cf';
  if (base === 'haresources') return 'haresources';
  if (base === 'authkeys' && !path.includes('/corosync/')) return 'authkeys';
  if (base === 'authkey' && path.includes('corosync')) return 'corosync-authkey';
  if (base === 'keepalived.conf') return 'keepalived';
  if (base === 'corosync.conf') return 'corosync';
  if (base === 'cib.xml' || (base.endsWith('.xml') && /<cib[\s>]/.test(head(f)))) return 'cib';
  if (base.endsWith('.crm') || base.startsWith('crm-configure') || base === 'crm-configure-show.txt') return 'crm';
  if (base === 'drbd.conf' || base.endsWith('.res') || (path.includes('/drbd.d/') && base.endsWith('.conf'))) return 'drbd';
  if (path.endsWith('/etc/hosts') || base === 'hosts') return 'hosts';
  if (path.endsWith('/sysconfig/iptables') || path.endsWith('/iptables/rules.v4') || base === 'iptables-save' || /^\*filter\s*$/m.test(head(f))) return 'iptables';
  if (path.endsWith('/etc/hactl/agent.json') || base === 'agent.json') return 'agent';
  if (path.endsWith('/_vagrant/stack.json')) return 'vagrant';
  if (base === 'ip-addr.txt' || base === 'ip-addr') return 'ip-addr';
  if (base.startsWith('ifcfg-')) return 'ifcfg';
  if (path.endsWith('/etc/network/interfaces')) return 'interfaces';
  const text = head(f);
  if (/^\s*vrrp_instance\s/m.test(text)) return 'keepalived';
  if (/^\s*(?:[#$]\s+)?crm\s+configure\s+(primitive|property|group)\b/m.test(text) || /^(primitive|property)\s+\S+/m.test(text)) return 'crm';
  return 'other';
}

/** The file at a node path, or (for a directory without the node's layout) the one with that base name. */
export function findFile(files: readonly SourceFile[], path: string): SourceFile | undefined {
  return files.find((f) => f.path === path) ?? files.find((f) => !f.path.startsWith('/') && (f.path === posix.basename(path) || f.path.endsWith(`/${posix.basename(path)}`)));
}
