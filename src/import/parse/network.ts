import { isIpv4 } from '../../model/network.js';
import { shellAssignments } from './shell-words.js';

/** An address a node has, and on which NIC. */
export interface NicFact {
  nic: string;
  address: string;
  prefix: number;
  gateway?: string;
  /** `secondary` in ip addr output: usually a VIP the cluster added */
  secondary?: boolean;
}

/** `ip -o -4 addr show` or `ip -4 addr` output: IPv4 addresses per NIC (loopback left out). */
export function parseIpAddr(text: string): NicFact[] {
  const out: NicFact[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const header = /^\d+:\s+([^:\s@]+)[@:]?/.exec(line);
    if (header) current = header[1]!;
    const inet = /\binet\s+(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})\b(.*)$/.exec(line);
    if (!inet || current === 'lo' || inet[1]!.startsWith('127.')) continue;
    out.push({ nic: current, address: inet[1]!, prefix: Number(inet[2]), ...(/\bsecondary\b/.test(inet[3]!) ? { secondary: true } : {}) });
  }
  return out;
}

const prefixOf = (netmask: string) => netmask.split('.').reduce((n, octet) => n + (Number(octet) >>> 0).toString(2).replace(/0/g, '').length, 0);

/** /etc/sysconfig/network-scripts/ifcfg-NIC (CentOS): DEVICE, IPADDR, PREFIX or NETMASK, GATEWAY. */
export function parseIfcfg(text: string, fileName: string): NicFact | undefined {
  const vars = shellAssignments(text);
  const nic = vars.get('DEVICE') ?? fileName.replace(/^ifcfg-/, '');
  const address = vars.get('IPADDR');
  if (!address || !isIpv4(address) || nic === 'lo') return undefined;
  const prefix = vars.has('PREFIX') ? Number(vars.get('PREFIX')) : vars.has('NETMASK') ? prefixOf(vars.get('NETMASK')!) : 24;
  return { nic, address, prefix, ...(vars.get('GATEWAY') ? { gateway: vars.get('GATEWAY') } : {}) };
}

/** /etc/network/interfaces (Debian): `iface NIC inet static` stanzas with address (CIDR or + netmask) and gateway. */
export function parseInterfaces(text: string): NicFact[] {
  const out: NicFact[] = [];
  let current: Partial<NicFact> & { nic?: string } = {};
  const flush = () => {
    if (current.nic && current.address) out.push({ nic: current.nic, address: current.address, prefix: current.prefix ?? 24, ...(current.gateway ? { gateway: current.gateway } : {}) });
    current = {};
  };
  for (const raw of text.split('\n')) {
    const words = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (words[0] === 'iface') {
      flush();
      if (words[2] === 'inet' && words[3] === 'static' && words[1] !== 'lo') current = { nic: words[1] };
    } else if (words[0] === 'address' && current.nic) {
      const [address, prefix] = (words[1] ?? '').split('/');
      current.address = address;
      if (prefix) current.prefix = Number(prefix);
    } else if (words[0] === 'netmask' && current.nic && words[1]) current.prefix = prefixOf(words[1]);
    else if (words[0] === 'gateway' && current.nic) current.gateway = words[1];
    else if (['auto', 'allow-hotplug', 'source', 'mapping'].includes(words[0] ?? '')) flush();
  }
  flush();
  return out;
}
