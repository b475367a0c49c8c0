import type { PlatformName } from '../../model/model.js';
import { item } from '../report.js';
import type { Assembly } from './context.js';

/** The platform: hactl's model on the node says it; else the files' places and versions do (CentOS 6 keeps /etc/sysconfig). */
export function guessPlatform(a: Assembly): PlatformName {
  if (a.hint) return a.hint.model.platform;
  const paths = a.nodes.flatMap((n) => [...n.others, n.iptables?.file, n.haCf?.file].filter((f) => f !== undefined).map((f) => f.path));
  const centos = paths.some((p) => p.startsWith('/etc/sysconfig/') || p.startsWith('/usr/lib64/')) || a.nodes.some((n) => n.corosync?.value.version === 1 || n.haCf !== undefined);
  const platform: PlatformName = centos ? 'centos6' : 'debian12';
  a.items.push(item('assumed', 'platform', `platform ${platform}`, { path: 'platform', why: centos ? 'CentOS paths, heartbeat or corosync 1.x: the seeds’ generation' : 'no sign of CentOS 6: the current Debian' }));
  return platform;
}
