import { isIP } from 'node:net';

/** A node's address on a link as the document writes it: `ip` or `ip/prefix`. */
export function splitAddress(s: string): { ip: string; prefix?: number } | undefined {
  const [ip, prefix, extra] = s.split('/');
  if (ip === undefined || extra !== undefined || isIP(ip) === 0) return undefined;
  if (prefix === undefined) return { ip };
  if (!/^\d{1,3}$/.test(prefix)) return undefined;
  const n = Number(prefix);
  if (n > (isIP(ip) === 4 ? 32 : 128)) return undefined;
  return { ip, prefix: n };
}
