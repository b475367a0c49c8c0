import { request } from 'node:http';
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

export function httpProbe(url: string, timeoutMs: number, expectStatus: number, expectBody?: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (err?: string): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      req.destroy();
      resolve(err);
    };
    const req = request(url, { method: 'GET', agent: false, headers: { 'user-agent': 'hactl-agent' } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        if (body.length < 65536) body += d.toString();
      });
      res.on('end', () => {
        if (res.statusCode !== expectStatus) return finish(`GET ${url}: status ${res.statusCode}, expected ${expectStatus}`);
        if (expectBody !== undefined && !body.includes(expectBody)) return finish(`GET ${url}: body lacks "${expectBody}"`);
        finish();
      });
      res.on('error', (err) => finish(`GET ${url}: ${err.message}`));
    });
    const timer = setTimeout(() => finish(`GET ${url}: no answer within ${timeoutMs} ms`), timeoutMs);
    req.on('error', (err) => finish(`GET ${url}: ${err.message}`));
    req.end();
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
