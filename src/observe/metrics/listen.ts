import { isIP } from 'node:net';
import { HactlError } from '../../diagnostics/index.js';

export interface ListenAddress {
  host: string;
  port: number;
}

/**
 * `9464`, `HOST:9464` or `[::1]:9464`. A bare port listens on 127.0.0.1 only: a status endpoint names the cluster's
 * nodes and groups, so reaching it from elsewhere must be asked for with an address.
 */
export function parseListen(text: string | number): ListenAddress {
  const value = String(text).trim();
  const m = /^(?:(\[[0-9A-Fa-f:.]+\]|[^:[\]\s]+):)?(\d{1,5})$/.exec(value);
  const port = Number(m?.[2]);
  const host = m?.[1]?.replace(/^\[|\]$/g, '') ?? '127.0.0.1';
  if (!m || port < 1 || port > 65535 || (host !== 'localhost' && !isIP(host))) {
    throw new HactlError('observe-bad-listen', `cannot listen on "${value}": expected PORT, IP:PORT or [IPv6]:PORT with a port from 1 to 65535`);
  }
  return { host, port };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export const formatListen = ({ host, port }: ListenAddress): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);
