import { error, warning, type Diagnostic } from '../../../diagnostics/index.js';
import type { ClusterModel } from '../../../model/model.js';
import { broadcastAddress, isIpv4, isPrivateRange, networkAddress, overlaps, parseCidr, subnetOf } from '../../../model/network.js';
import { allPrimitives } from '../../../model/normalize.js';
import { hostSideAddress } from '../../../render/vagrant/networks.js';
import type { VagrantSettings } from '../../../render/vagrant/settings.js';

interface Placed {
  address: string;
  prefix: number;
  path: string;
  node: string;
}

// libvirt needs room for the host's own address and the node's: /30 is the smallest usable subnet.
const MAX_PREFIX = 30;
const MIN_PREFIX = 8;

function nicAddressIssues(nic: Placed): Diagnostic[] {
  const cidr = `${nic.address}/${nic.prefix}`;
  if (!isIpv4(nic.address)) return [error('vagrant-invalid-address', nic.path, `${nic.address} is not an IPv4 address in four decimal parts`)];
  if (!Number.isInteger(nic.prefix) || nic.prefix < MIN_PREFIX || nic.prefix > MAX_PREFIX) {
    return [error('vagrant-invalid-address', nic.path, `${cidr}: a Vagrant private network needs a prefix between /${MIN_PREFIX} and /${MAX_PREFIX}`)];
  }
  if (!isPrivateRange(nic.address)) {
    return [error('vagrant-invalid-address', nic.path, `${cidr} is not a private address: the host would route it to the VMs instead of where it belongs; use 10/8, 172.16/12 or 192.168/16`)];
  }
  const subnet = subnetOf(nic);
  if (nic.address === networkAddress(nic)) return [error('vagrant-invalid-address', nic.path, `${nic.address} is the network address of ${subnet}`)];
  if (nic.address === broadcastAddress(nic)) return [error('vagrant-invalid-address', nic.path, `${nic.address} is the broadcast address of ${subnet}`)];
  if (nic.address === hostSideAddress(nic)) {
    return [error('vagrant-address-clash', nic.path, `${nic.address} is the host's own address on ${subnet} (Vagrant gives the host the first address of every private network)`)];
  }
  return [];
}

function clashIssues(nics: readonly Placed[], settings: VagrantSettings): Diagnostic[] {
  const issues: Diagnostic[] = [];
  const management = parseCidr(settings.managementNetwork.address);
  nics.forEach((a, i) => {
    for (const b of nics.slice(0, i)) {
      if (a.address === b.address) issues.push(error('vagrant-address-clash', a.path, `${a.address} is also ${b.path}`));
      else if (a.node === b.node && subnetOf(a) === subnetOf(b)) {
        issues.push(error('vagrant-address-clash', a.path, `${a.node} has two NICs on ${subnetOf(a)} (${b.path}): give each NIC its own subnet`));
      } else if (subnetOf(a) !== subnetOf(b) && overlaps(a, b)) {
        issues.push(error('vagrant-address-clash', a.path, `${subnetOf(a)} overlaps ${subnetOf(b)} of ${b.path}: NICs that share a network need the same prefix`));
      }
    }
    if (settings.provider === 'libvirt' && overlaps(a, management)) {
      issues.push(error('vagrant-address-clash', a.path, `${subnetOf(a)} overlaps the Vagrant management network ${settings.managementNetwork.address}`));
    }
  });
  return issues;
}

function vipIssues(model: ClusterModel, subnets: readonly Placed[]): Diagnostic[] {
  const vips = [
    ...model.vrrp.flatMap((v) => [...v.vips, ...v.excludedVips].map((text, i) => ({ address: parseCidr(text).address, path: `${v.path}.vips[${i}]` }))),
    ...allPrimitives(model).flatMap((p) => (p.kind === 'vip' ? [{ address: p.ip, path: p.path }] : [])),
  ];
  return vips.flatMap((vip) => {
    const owner = subnets.find((s) => isIpv4(vip.address) && hostSideAddress(s) === vip.address);
    return owner ? [error('vagrant-address-clash', vip.path, `VIP ${vip.address} is the host's own address on ${subnetOf(owner)}`)] : [];
  });
}

/** Addresses Vagrant would accept and then fail on (or silently misroute): checked before any VM starts. */
export function addressIssues(model: ClusterModel, settings: VagrantSettings): Diagnostic[] {
  const nics: Placed[] = model.nodes.flatMap((n) => n.nics.map((nic) => ({ address: nic.address, prefix: nic.prefix, path: nic.path, node: n.name })));
  const own = nics.flatMap(nicAddressIssues);
  if (own.length) return own;
  const issues = clashIssues(nics, settings);
  issues.push(...vipIssues(model, nics));
  if (settings.provider === 'virtualbox') {
    const allowed = parseCidr('192.168.56.0/21');
    for (const nic of nics) {
      if (!overlaps(nic, allowed) || nic.prefix < allowed.prefix) {
        issues.push(warning('vagrant-host-only-range', nic.path,
          `VirtualBox 6.1.28+ allows host-only networks only in 192.168.56.0/21 unless /etc/vbox/networks.conf lists ${subnetOf(nic)}`));
      }
    }
  }
  return issues;
}
