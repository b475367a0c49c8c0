import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HactlError } from '../../diagnostics/index.js';
import { isLoopback, type ListenAddress } from '../metrics/listen.js';

export const COOKIE = 'hactl_ui';
export const CSRF_HEADER = 'x-hactl-csrf';

export interface UiAccess {
  listen: ListenAddress;
  /** required for every request when the view listens beyond loopback */
  token?: string;
  /** sent inside the page; actions must echo it in a header, which a page of another site cannot do */
  csrf: string;
}

export function uiAccess(listen: ListenAddress, token: string | undefined): UiAccess {
  if (!isLoopback(listen.host) && !token) {
    throw new HactlError('observe-token-required', `the web view would listen on ${listen.host}, reachable from other machines, without a token`);
  }
  if (token !== undefined && token.length < 16) throw new HactlError('observe-token-required', 'the token must be at least 16 characters');
  return { listen, ...(token ? { token } : {}), csrf: randomBytes(18).toString('base64url') };
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * Who may read the view: on loopback, pages whose Host is this machine's loopback name (a DNS-rebound site names its
 * own host); beyond loopback, requests carrying the token (in ?token= once, then in the cookie set from it).
 */
export function admitted(access: UiAccess, req: IncomingMessage, url: URL): { ok: boolean; setCookie?: string } {
  if (!access.token) {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return { ok: isLoopback(host) };
  }
  const given = url.searchParams.get('token') ?? cookie(req, COOKIE) ?? req.headers.authorization?.replace(/^Bearer /, '');
  if (!given || !same(given, access.token)) return { ok: false };
  return url.searchParams.has('token') ? { ok: true, setCookie: `${COOKIE}=${access.token}; HttpOnly; SameSite=Strict; Path=/` } : { ok: true };
}

/** Changes must come from the page itself: same origin and the page's CSRF token in a header. */
export function actionAllowed(access: UiAccess, req: IncomingMessage): boolean {
  const csrf = req.headers[CSRF_HEADER];
  const origin = req.headers.origin;
  if (origin !== undefined && new URL(origin).host !== req.headers.host) return false;
  return typeof csrf === 'string' && same(csrf, access.csrf);
}
