import type { ClusterModel, PrimitiveModel } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';
import type { Renderer } from '../artifact.js';

type Service = Extract<PrimitiveModel, { kind: 'service' }>;

const memcacheds = (model: ClusterModel) => allPrimitives(model).filter((p): p is Service => p.kind === 'service' && p.service === 'memcached');

/** The VIPs of the group a primitive runs in: the addresses its clients connect to. */
function groupVips(model: ClusterModel, p: Service): string[] {
  return allPrimitives(model).flatMap((q) => (q.kind === 'vip' && q.group !== undefined && q.group === p.group ? [q.ip] : []));
}

/**
 * memcached behind a VIP must listen on it. CentOS's memcached listens on every address (the guides rely on that);
 * Debian's /etc/memcached.conf binds 127.0.0.1 only, so a client of the VIP would be refused. hactl writes the
 * Debian file with Debian's defaults, listening on the loopback (local checks) and the group's VIPs, nothing wider.
 * The VIP is started before memcached (group order), so the bind finds it.
 */
export const memcachedRenderer: Renderer = {
  id: 'memcached',
  description: "memcached's option file on platforms whose default binds the loopback only (listen on the VIPs too)",
  applies: (model) => memcacheds(model).some((p) => groupVips(model, p).length > 0),
  render({ model, profile }) {
    const path = profile.memcachedConfig;
    if (!path) return [];
    const p = memcacheds(model).find((m) => groupVips(model, m).length > 0)!;
    const lines = [
      '# memcached options, read by start-memcached. Rendered by hactl: listens on the cluster VIPs as well as the',
      "# loopback, because clients reach memcached through the VIP (Debian's default binds 127.0.0.1 only).",
      '-m 64',
      `-p ${p.monitor?.port ?? 11211}`,
      '-u memcache',
      `-l ${['127.0.0.1', ...groupVips(model, p)].join(',')}`,
      `-P ${p.monitor?.pidfile ?? '/var/run/memcached/memcached.pid'}`,
      'logfile /var/log/memcached.log',
    ];
    return model.nodes.map((node) => ({
      node: node.name,
      path,
      content: `${lines.join('\n')}\n`,
      mode: '0644',
      owner: 'root:root',
      checker: 'none' as const,
      origin: `${p.path}.service`,
    }));
  },
};
