import { connect } from 'node:net';
import type { HttpResource, MemcachedResource, TcpResource } from '../config/index.js';
import { OpFailure, type MonitorResult, type ResourceDriver } from './driver.js';

/**
 * One TCP exchange: connect, send `request` if any, read until `judge` gives a verdict (or the peer closes);
 * resolves an error text, or undefined when the check passed. Never throws, always within `timeoutMs`.
 */
function exchange(o: {
  host: string;
  port: number;
  timeoutMs: number;
  request?: string;
  /** undefined: passed; a string: failed; 'wait': read on. Without it, a connect is enough. */
  judge?: (received: string, closed: boolean) => string | undefined | 'wait';
  /** How the errors name the target. */
  timeoutText: string;
  errorPrefix: string;
}): Promise<string | undefined> {
  return new Promise((resolve) => {
    let text = '';
    let finished = false;
    const socket = connect({ host: o.host, port: o.port });
    const finish = (err?: string): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(err);
    };
    const verdict = (closed: boolean): void => {
      const v = o.judge ? o.judge(text, closed) : undefined;
      if (v !== 'wait') finish(v);
      else if (closed) finish();
    };
    const timer = setTimeout(() => finish(o.timeoutText), o.timeoutMs);
    socket.on('error', (err) => finish(`${o.errorPrefix}: ${err.message}`));
    socket.on('connect', () => {
      if (o.judge === undefined) return finish();
      if (o.request !== undefined) socket.write(o.request);
    });
    socket.on('data', (d: Buffer) => {
      if (text.length < 65536) text += d.toString('latin1');
      verdict(false);
    });
    socket.on('end', () => verdict(true));
  });
}

/** Connects, optionally sends `payload` and waits until `done(received)`; resolves an error text or undefined. */
export function tcpProbe(host: string, port: number, timeoutMs: number, payload?: string, done?: (text: string) => boolean): Promise<string | undefined> {
  return exchange({
    host,
    port,
    timeoutMs,
    ...(payload !== undefined && done !== undefined
      ? { request: payload, judge: (text: string, closed: boolean) => (done(text) ? undefined : closed ? `${host}:${port} closed the connection` : 'wait') }
      : {}),
    timeoutText: `no answer from ${host}:${port} within ${timeoutMs} ms`,
    errorPrefix: `${host}:${port}`,
  });
}

/**
 * HTTP/1.0 GET over a plain socket: the server closes after the answer, and the agent avoids the http module's
 * per-request objects (a 10 ms check makes a hundred of them a second).
 */
export function httpProbe(url: string, timeoutMs: number, expectStatus: number, expectBody?: string): Promise<string | undefined> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(`${url}: not a URL`);
  }
  const judge = (text: string, closed: boolean): string | undefined | 'wait' => {
    const head = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(text);
    if (!head) return closed ? `GET ${url}: not an HTTP answer` : 'wait';
    if (Number(head[1]) !== expectStatus) return `GET ${url}: status ${head[1]}, expected ${expectStatus}`;
    if (expectBody === undefined) return undefined;
    const bodyAt = text.indexOf('\r\n\r\n');
    if (bodyAt >= 0 && text.includes(expectBody, bodyAt)) return undefined;
    return closed ? `GET ${url}: body lacks "${expectBody}"` : 'wait';
  };
  return exchange({
    host: target.hostname.replace(/^\[|\]$/g, ''),
    port: Number(target.port || 80),
    timeoutMs,
    request: `GET ${target.pathname}${target.search} HTTP/1.0\r\nHost: ${target.host}\r\nUser-Agent: hactl-agent\r\nConnection: close\r\n\r\n`,
    judge,
    timeoutText: `GET ${url}: no answer within ${timeoutMs} ms`,
    errorPrefix: `GET ${url}`,
  });
}

/**
 * Monitor-only classes: nothing to start or stop. Start waits (within its timeout) until the check passes, so a
 * service started by an earlier member has time to open its port.
 */
function checkDriver(check: (timeoutMs: number) => Promise<string | undefined>): ResourceDriver {
  return {
    monitorOnly: true,
    async start({ timeoutMs, signal }) {
      const deadline = Date.now() + timeoutMs;
      let err: string | undefined;
      for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
        if (signal?.aborted) throw new OpFailure('start aborted');
        err = await check(Math.max(1, Math.min(deadline - Date.now(), timeoutMs)));
        if (err === undefined) return;
        if (Date.now() + wait >= deadline) break;
        await new Promise((r) => setTimeout(r, wait));
      }
      throw new OpFailure(`${err} (checked until start timeout ${timeoutMs} ms)`);
    },
    async stop() {},
    async monitor({ timeoutMs }): Promise<MonitorResult> {
      const err = await check(timeoutMs);
      return err === undefined ? { state: 'running' } : { state: 'failed', detail: err };
    },
  };
}

export function memcachedDriver(res: MemcachedResource): ResourceDriver {
  return checkDriver((t) => tcpProbe(res.host, res.port, t, 'stats\r\n', (text) => /STAT pid \d+/.test(text)));
}

export function httpDriver(res: HttpResource): ResourceDriver {
  return checkDriver((t) => httpProbe(res.url, t, res.expectStatus, res.expectBody));
}

export function tcpDriver(res: TcpResource): ResourceDriver {
  return checkDriver((t) => tcpProbe(res.host, res.port, t));
}
