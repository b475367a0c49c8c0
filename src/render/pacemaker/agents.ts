import type { PrimitiveModel } from '../../model/model.js';
import type { PlatformProfile } from '../../platform/profiles.js';

export interface Agent {
  cls: 'ocf' | 'lsb' | 'systemd' | 'service';
  /** empty for lsb and systemd */
  provider: string;
  type: string;
}

const ocf = (provider: string, type: string): Agent => ({ cls: 'ocf', provider, type });

/** The resource agent each kind of primitive runs under; `service` follows the platform's init system. */
export function agentOf(p: PrimitiveModel, profile: PlatformProfile): Agent {
  switch (p.kind) {
    case 'vip':
      return ocf('heartbeat', 'IPaddr2');
    case 'apache':
      return ocf('heartbeat', 'apache');
    case 'tomcat':
      return ocf('heartbeat', 'tomcat');
    case 'drbd':
      return ocf('linbit', 'drbd');
    case 'filesystem':
      return ocf('heartbeat', 'Filesystem');
    case 'ocf':
      return ocf(p.provider, p.type);
    case 'service':
      // Pacemaker's service: class runs the package's init script when it ships one, else the systemd unit: the same
      // configuration works on systemd hosts and on nodes without a running systemd (containers, the lab)
      return { cls: profile.serviceManager === 'systemd' ? 'service' : 'lsb', provider: '', type: p.service };
    case 'lsb':
      return { cls: 'lsb', provider: '', type: p.script };
    case 'systemd':
      return { cls: 'systemd', provider: '', type: p.unit };
    case 'exec':
      // hactl renders /etc/init.d/NAME for it (src/render/lsb)
      return { cls: 'lsb', provider: '', type: p.name };
  }
}

export function agentText(agent: Agent): string {
  return agent.cls === 'ocf' ? `ocf:${agent.provider}:${agent.type}` : `${agent.cls}:${agent.type}`;
}
