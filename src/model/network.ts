import ipaddr from 'ipaddr.js';

export interface Cidr {
  address: string;
  prefix: number;
}

export function isIpv4(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text);
}

export function isIpv4Cidr(text: string): boolean {
  const [address, prefix, extra] = text.split('/');
  if (extra !== undefined || address === undefined || prefix === undefined || !/^\d{1,2}$/.test(prefix)) return false;
  return isIpv4(address) && Number(prefix) <= 32;
}

export function parseCidr(text: string): Cidr {
  const [address = '', prefix] = text.split('/');
  return { address, prefix: prefix === undefined ? 32 : Number(prefix) };
}

export function inSubnet(address: string, subnet: Cidr): boolean {
  return ipaddr.IPv4.parse(address).match(ipaddr.IPv4.parse(subnet.address), subnet.prefix);
}

export function networkAddress(cidr: Cidr): string {
  return ipaddr.IPv4.networkAddressFromCIDR(`${cidr.address}/${cidr.prefix}`).toString();
}

export function broadcastAddress(cidr: Cidr): string {
  return ipaddr.IPv4.broadcastAddressFromCIDR(`${cidr.address}/${cidr.prefix}`).toString();
}

export function netmask(prefix: number): string {
  return ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString();
}

/** A subnet as `10.0.1.0/24` from any address inside it. */
export function subnetOf(cidr: Cidr): string {
  return `${networkAddress(cidr)}/${cidr.prefix}`;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const pa = ipaddr.IPv4.parse(networkAddress(a));
  const pb = ipaddr.IPv4.parse(networkAddress(b));
  return pa.match(pb, b.prefix) || pb.match(pa, a.prefix);
}

// RFC 1918 and RFC 6598: a private network on any other range would take the host's route to real addresses away.
const PRIVATE_RANGES = new Set(['private', 'carrierGradeNat']);

export function isPrivateRange(address: string): boolean {
  return PRIVATE_RANGES.has(ipaddr.IPv4.parse(address).range());
}
