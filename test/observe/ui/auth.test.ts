import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { actionAllowed, admitted, uiAccess } from '../../../src/observe/ui/auth.js';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const url = (path: string) => new URL(path, 'http://hactl.invalid');
const TOKEN = 'a-token-of-enough-length';

describe('who may use the web view', () => {
  it('refuses to listen beyond loopback without a token, or with a short one', () => {
    expect(() => uiAccess({ host: '0.0.0.0', port: 9665 }, undefined)).toThrow(expect.objectContaining({ code: 'observe-token-required' }));
    expect(() => uiAccess({ host: '10.0.0.5', port: 9665 }, 'short')).toThrow(expect.objectContaining({ code: 'observe-token-required' }));
    expect(uiAccess({ host: '127.0.0.1', port: 9665 }, undefined).token).toBeUndefined();
  });

  it('on loopback admits pages addressed to loopback only (a DNS-rebound site names its own host)', () => {
    const access = uiAccess({ host: '127.0.0.1', port: 9665 }, undefined);
    expect(admitted(access, req({ host: '127.0.0.1:9665' }), url('/')).ok).toBe(true);
    expect(admitted(access, req({ host: 'localhost:9665' }), url('/')).ok).toBe(true);
    expect(admitted(access, req({ host: 'evil.example:9665' }), url('/')).ok).toBe(false);
  });

  it('beyond loopback admits the token once in the URL, then by its cookie, and nothing else', () => {
    const access = uiAccess({ host: '0.0.0.0', port: 9665 }, TOKEN);
    expect(admitted(access, req({ host: '10.0.0.5:9665' }), url('/')).ok).toBe(false);
    expect(admitted(access, req({ host: '10.0.0.5:9665' }), url('/?token=wrong-token-of-enough-len')).ok).toBe(false);
    const first = admitted(access, req({ host: '10.0.0.5:9665' }), url(`/?token=${TOKEN}`));
    expect(first.ok).toBe(true);
    expect(first.setCookie).toMatch(/^hactl_ui=.*HttpOnly; SameSite=Strict/);
    expect(admitted(access, req({ host: '10.0.0.5:9665', cookie: `hactl_ui=${TOKEN}` }), url('/events')).ok).toBe(true);
  });

  it('takes actions only from the page itself: its CSRF token in a header and no foreign origin', () => {
    const access = uiAccess({ host: '127.0.0.1', port: 9665 }, undefined);
    const host = '127.0.0.1:9665';
    expect(actionAllowed(access, req({ host, 'x-hactl-csrf': access.csrf }))).toBe(true);
    expect(actionAllowed(access, req({ host, 'x-hactl-csrf': access.csrf, origin: 'http://evil.example' }))).toBe(false);
    expect(actionAllowed(access, req({ host }))).toBe(false);
    expect(actionAllowed(access, req({ host, 'x-hactl-csrf': 'x'.repeat(access.csrf.length) }))).toBe(false);
  });
});
