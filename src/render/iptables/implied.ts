import type { ClusterModel, PrimitiveModel } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';
import { sshPort } from './ssh.js';

export interface RuleSection {
  title: string;
  rules: string[];
}

// spelled as CentOS 6's /etc/sysconfig/iptables spells them (`-m state --state NEW -m tcp`), so a plan against a hand-kept rules file shows only real changes
const udp = (port: string | number) => `-A INPUT -p udp -m udp --dport ${port} -j ACCEPT`;
const tcp = (port: number) => `-A INPUT -m state --state NEW -m tcp -p tcp --dport ${port} -j ACCEPT`;

// Samba's daemons by their init names (CentOS smb/nmb, Debian smbd/nmbd): file service on 139/445, NetBIOS names on 137/138
const SAMBA_TCP: Record<string, number[]> = { smb: [139, 445], smbd: [139, 445] };
const SAMBA_UDP: Record<string, number[]> = { nmb: [137, 138], nmbd: [137, 138] };

/** The init name a service-like primitive starts (without systemd's .service), or undefined. */
function initName(p: PrimitiveModel): string | undefined {
  const name = p.kind === 'service' ? p.service : p.kind === 'lsb' ? p.script : p.kind === 'systemd' ? p.unit : undefined;
  return name?.replace(/\.service$/, '');
}

function serviceUdpPorts(p: PrimitiveModel): number[] {
  return SAMBA_UDP[initName(p) ?? ''] ?? [];
}

function servicePorts(p: PrimitiveModel): number[] {
  const monitorPort = p.monitor?.port === undefined ? [] : [p.monitor.port];
  switch (p.kind) {
    case 'apache':
      return p.port === 80 ? [80, 443] : [p.port];
    case 'tomcat':
      return p.ports;
    case 'exec':
      return [...p.ports, ...monitorPort];
    case 'service':
    case 'lsb':
    case 'systemd': {
      const memcached = p.monitor?.check === 'memcached' || p.name === 'memcached' ? [11211] : [];
      return [...new Set([...monitorPort, ...memcached, ...(SAMBA_TCP[initName(p) ?? ''] ?? [])])];
    }
    default:
      return [];
  }
}

/** What the stack needs open on one node: interconnect, corosync, DRBD, VRRP, the services it may run, and SSH. */
export function impliedSections(model: ClusterModel, node: string): RuleSection[] {
  const sections: RuleSection[] = [];
  const add = (title: string, rules: string[]) => {
    if (rules.length) sections.push({ title, rules: [...new Set(rules)] });
  };
  add('heartbeat interconnect', (model.heartbeat?.links ?? []).map((l) => udp(l.port)));
  if (model.corosync) add('corosync totem', [udp(`${model.corosync.mcastport - 1}:${model.corosync.mcastport}`)]);
  add(
    'DRBD replication',
    model.drbd.filter((d) => d.hosts.some((h) => h.node === node)).map((d) => tcp(d.port)),
  );
  const vrrp = model.vrrp.filter((v) => v.nodes.some((n) => n.node === node));
  add('VRRP adverts', vrrp.length ? ['-A INPUT -p vrrp -j ACCEPT', ...(vrrp.some((v) => v.auth?.type === 'AH') ? ['-A INPUT -p ah -j ACCEPT'] : [])] : []);
  add('cluster services', allPrimitives(model).flatMap(servicePorts).sort((a, b) => a - b).map(tcp));
  add('cluster services (udp)', allPrimitives(model).flatMap(serviceUdpPorts).sort((a, b) => a - b).map(udp));
  const own = model.nodes.find((n) => n.name === node);
  // the operator and `hactl apply` reach the node over SSH: a default-deny file without it locks them out
  if (own) add('SSH', [tcp(sshPort(own))]);
  return sections;
}
