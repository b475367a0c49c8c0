import type { ClusterModel, PrimitiveModel } from '../../model/model.js';
import { haresourcesArg } from '../escape/heartbeat.js';

/** How heartbeat v1 names a resource: an IPaddr shorthand, `script::arg::arg`, or an init script. */
export function haresource(p: PrimitiveModel): string {
  const arg = (value: string, field: string) => haresourcesArg(value, `${p.path}.${field}`);
  switch (p.kind) {
    case 'vip':
      return `${p.ip}/${p.prefix}${p.nic ? `/${p.nic}` : ''}`;
    case 'apache':
      return `apache::${arg(p.configfile, 'apache.configfile')}`;
    case 'filesystem':
      return [
        'Filesystem',
        arg(p.device, 'filesystem.device'),
        arg(p.directory, 'filesystem.directory'),
        p.fstype,
        ...(p.options ? [arg(p.options, 'filesystem.options')] : []),
      ].join('::');
    case 'drbd':
      return `drbddisk::${p.resource}`;
    case 'service':
      return p.service;
    case 'lsb':
      return p.script;
    case 'systemd':
      return arg(p.unit.replace(/\.service$/, ''), 'systemd');
    case 'ocf':
      return p.type;
    case 'tomcat':
    case 'exec':
      return p.name;
  }
}

/**
 * One line per group (or lone resource): the preferred node, then resources in start order.
 * heartbeat starts them left to right and stops them right to left, so the stack's order is kept (usually the VIP first).
 */
export function haresourcesLines(model: ClusterModel): string[] {
  const first = model.nodes[0]?.name ?? '';
  return model.resources.map((r) =>
    r.kind === 'group' ? [r.preferred ?? first, ...r.members.map(haresource)].join(' ') : [first, haresource(r)].join(' '),
  );
}
