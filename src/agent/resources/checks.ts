import { connect } from 'node:net';
import type { HttpResource, MemcachedResource, TcpResource } from '../config.js';
import { OpFailure, type MonitorResult, type ResourceDriver } from './driver.js';

/** Opens a TCP connection, optionally sends `payload` and waits until `done(received)`; resolves an error text or undefined. */
export function tcpProbe(host: string, port: number, timeoutMs: number, payload?: string, done?: (text: string) => boolean): Promise<string | undefined> {
  return new Promise((resolve) => {
    let text = '';
    let finished = false;
    const socket = connect({ host, port });
    const finish = (err?: string): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(err);
    };
    const timer = setTimeout(() => finish(`no answer from ${host}:${port} within ${timeoutMs} ms`), timeoutMs);
    socket.on('error', (err) => finish(`${host}:${port}: ${err.message}`));
    socket.on('connect', () => {
      if (payload === undefined || done === undefined) return finish();
      socket.write(payload);
    });
    socket.on('data', (d: Buffer) => {
      if (text.length < 65536) text += d.toString('latin1');
      if (done?.(text)) finish();
    });
    socket.on('end', () => finish(done?.(text) ? undefined : `${host}:${port} closed the connection`));
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
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || 80);
  const request = `GET ${target.pathname}${target.search} HTTP/1.0\r\nHost: ${target.host}\r\nUser-Agent: hactl-agent\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve) => {
    let text = '';
    let finished = false;
    const socket = connect({ host, port });
    const finish = (err?: string): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(err);
    };
    const judge = (complete: boolean): string | undefined | 'wait' => {
      const head = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(text);
      if (!head) return complete ? `GET ${url}: not an HTTP answer` : 'wait';
      if (Number(head[1]) !== expectStatus) return `GET ${url}: status ${head[1]}, expected ${expectStatus}`;
      if (expectBody === undefined) return undefined;
      const bodyAt = text.indexOf('\r\n\r\n');
      if (bodyAt >= 0 && text.includes(expectBody, bodyAt)) return undefined;
      return complete ? `GET ${url}: body lacks "${expectBody}"` : 'wait';
    };
    const timer = setTimeout(() => finish(`GET ${url}: no answer within ${timeoutMs} ms`), timeoutMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (d: Buffer) => {
      if (text.length < 65536) text += d.toString('latin1');
      const v = judge(false);
      if (v !== 'wait') finish(v);
    });
    socket.on('end', () => {
      const v = judge(true);
      finish(v === 'wait' ? undefined : v);
    });
    socket.on('error', (err) => finish(`GET ${url}: ${err.message}`));
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
