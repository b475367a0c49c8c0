import ipaddr from 'ipaddr.js';
import { LabError } from './errors.js';
import type { LabNodeSpec, LabSpec } from './spec.js';
import {
  LAB_NAME, MEMBER_NAME, NIC_NAME, bridgeName, gatewayNetns, gatewayNicName, gatewaySwitchPortName,
  memberNetns, switchNetns, switchPortName,
} from './names.js';

/** The spec resolved into every concrete name the lab creates, so building and tearing down share one source. */
export interface LabLayout {
  name: string;
  switchNetns: string;
  gatewayNetns: string | undefined;
  networks: LayoutNetwork[];
  members: LayoutMember[];
  gateways: LayoutGateway[];
}

export interface LayoutNetwork { name: string; cidr: string; prefix: number; bridge: string }
export interface LayoutNic { name: string; network: string; address: string; prefix: number; switchPort: string }
export interface LayoutMember {
  name: string;
  kind: 'node' | 'client';
  netns: string;
  isolateFs: boolean;
  privateDirs: string[];
  nics: LayoutNic[];
}
export interface LayoutGateway { network: string; address: string; prefix: number; nic: string; switchPort: string }

// /etc and /run are already private (and mounted in a fixed order); the kernel filesystems cannot be.
const RESERVED_DIRS = /^\/(etc|run|proc|sys|dev)?(\/|$)/;

export function resolveLayout(spec: LabSpec): LabLayout {
  const problems: string[] = [];
  if (!LAB_NAME.test(spec.name)) problems.push(`lab name '${spec.name}' must match ${LAB_NAME}`);

  const invalidCidrs = new Set<string>();
  const networks = spec.networks.map((net, i): LayoutNetwork => {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(net.name)) problems.push(`network name '${net.name}' is not a simple word`);
    const [base = '', bits = ''] = net.cidr.split('/');
    if (!ipaddr.IPv4.isValidFourPartDecimal(base) || !/^\d{1,2}$/.test(bits) || Number(bits) > 30) {
      problems.push(`network ${net.name}: cidr '${net.cidr}' is not an IPv4 a.b.c.d/prefix (prefix <= 30)`);
      invalidCidrs.add(net.name);
    }
    return { name: net.name, cidr: net.cidr, prefix: Number(bits), bridge: bridgeName(i) };
  });
  const networkByName = new Map(networks.map((n) => [n.name, n]));
  if (networkByName.size !== networks.length) problems.push('network names must be unique');

  const seenAddresses = new Set<string>();
  const resolveAddress = (where: string, network: string, address: string): { address: string; prefix: number } => {
    const net = networkByName.get(network);
    if (!net) {
      problems.push(`${where}: unknown network '${network}'`);
      return { address, prefix: 32 };
    }
    const [ip = '', bits] = address.split('/');
    const prefix = bits === undefined ? net.prefix : Number(bits);
    if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) {
      problems.push(`${where}: '${address}' is not an IPv4 address`);
    } else if (!invalidCidrs.has(net.name) && !ipaddr.IPv4.parse(ip).match(ipaddr.IPv4.parseCIDR(net.cidr))) {
      problems.push(`${where}: ${ip} is outside ${net.cidr}`);
    }
    if (!Number.isInteger(prefix) || prefix < 1 || prefix > 32) problems.push(`${where}: bad prefix in '${address}'`);
    if (seenAddresses.has(ip)) problems.push(`${where}: address ${ip} is used twice`);
    seenAddresses.add(ip);
    return { address: ip, prefix };
  };

  const specs: [LabNodeSpec, 'node' | 'client'][] = [
    ...spec.nodes.map((n): [LabNodeSpec, 'node'] => [n, 'node']),
    ...(spec.clients ?? []).map((c): [LabNodeSpec, 'client'] => [c, 'client']),
  ];
  const members = specs.map(([m, kind], mi): LayoutMember => {
    if (!MEMBER_NAME.test(m.name)) problems.push(`member name '${m.name}' must be a lowercase hostname label`);
    const nicNames = new Set<string>();
    const nics = m.nics.map((nic, ni): LayoutNic => {
      if (!NIC_NAME.test(nic.name) || nic.name === 'lo') problems.push(`${m.name}: NIC name '${nic.name}' is not a valid interface name`);
      if (nicNames.has(nic.name)) problems.push(`${m.name}: NIC '${nic.name}' is declared twice`);
      nicNames.add(nic.name);
      const { address, prefix } = resolveAddress(`${m.name}.${nic.name}`, nic.network, nic.address);
      return { name: nic.name, network: nic.network, address, prefix, switchPort: switchPortName(mi, ni) };
    });
    for (const dir of m.privateDirs ?? []) {
      if (!dir.startsWith('/') || dir.includes('..') || RESERVED_DIRS.test(dir)) {
        problems.push(`${m.name}: private dir '${dir}' must be an absolute path outside /, /etc, /run, /proc, /sys, /dev`);
      }
    }
    return {
      name: m.name, kind, netns: memberNetns(spec.name, m.name),
      isolateFs: m.isolateFs ?? kind === 'node', privateDirs: m.privateDirs ?? [], nics,
    };
  });
  if (new Set(members.map((m) => m.name)).size !== members.length) problems.push('node and client names must be unique');

  const gateways = (spec.gateways ?? []).map((gw, gi): LayoutGateway => {
    const { address, prefix } = resolveAddress(`gateway ${gw.address}`, gw.network, gw.address);
    return { network: gw.network, address, prefix, nic: gatewayNicName(gi), switchPort: gatewaySwitchPortName(gi) };
  });

  if (problems.length > 0) throw new LabError('lab-spec-invalid', `invalid lab spec: ${problems.join('; ')}`);
  return {
    name: spec.name, switchNetns: switchNetns(spec.name),
    gatewayNetns: gateways.length > 0 ? gatewayNetns(spec.name) : undefined,
    networks, members, gateways,
  };
}

export function findMember(layout: LabLayout, name: string): LayoutMember {
  const member = layout.members.find((m) => m.name === name);
  if (!member) throw new LabError('lab-unknown-member', `lab ${layout.name} has no node or client '${name}'`);
  return member;
}

export function findNic(member: LayoutMember, nicName: string): LayoutNic {
  const nic = member.nics.find((n) => n.name === nicName);
  if (!nic) throw new LabError('lab-unknown-member', `${member.name} has no NIC '${nicName}'`);
  return nic;
}

/** Every namespace the layout creates, infrastructure first. */
export function layoutNetns(layout: LabLayout): string[] {
  return [layout.switchNetns, ...(layout.gatewayNetns ? [layout.gatewayNetns] : []), ...layout.members.map((m) => m.netns)];
}
