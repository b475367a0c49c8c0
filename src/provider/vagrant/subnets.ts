import ipaddr from 'ipaddr.js';
import { networkAddress, type Cidr } from '../../model/network.js';

/** A subnet as `10.0.1.0/24` from any address inside it. */
export function subnetOf(cidr: Cidr): string {
  return `${networkAddress(cidr)}/${cidr.prefix}`;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const pa = ipaddr.IPv4.parse(networkAddress(a));
  const pb = ipaddr.IPv4.parse(networkAddress(b));
  return pa.match(pb, b.prefix) || pb.match(pa, a.prefix);
}

/** The address vagrant-libvirt (and VirtualBox's host-only adapter) gives the host: the first of the subnet. */
export function hostSideAddress(cidr: Cidr): string {
  const octets = ipaddr.IPv4.parse(networkAddress(cidr)).octets;
  const value = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]! + 1;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

// RFC 1918 and RFC 6598: a private network on any other range would take the host's route to real addresses away.
const PRIVATE_RANGES = new Set(['private', 'carrierGradeNat']);

export function isPrivateRange(address: string): boolean {
  return PRIVATE_RANGES.has(ipaddr.IPv4.parse(address).range());
}

export function parseCidrText(text: string): Cidr {
  const [address = '', prefix] = text.split('/');
  return { address, prefix: prefix === undefined ? 32 : Number(prefix) };
}
