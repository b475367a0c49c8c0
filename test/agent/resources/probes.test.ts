import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpProbe, tcpProbe } from '../../../src/agent/resources/probes.js';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A real local server on a free port; `onConnection` plays the service. */
async function serve(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const port = await serve(() => {});
  await new Promise((r) => servers.pop()!.close(r));
  return port;
}

describe('tcp and http probes', () => {
  it('passes a TCP check once the port accepts, and names the refusal otherwise', async () => {
    const open = await serve((s) => s.end());
    expect(await tcpProbe('127.0.0.1', open, 1000)).toBeUndefined();
    const closed = await freePort();
    expect(await tcpProbe('127.0.0.1', closed, 1000)).toMatch(new RegExp(`^127\\.0\\.0\\.1:${closed}: .*ECONNREFUSED`));
  });

  it('reads until the answer it waits for (memcached stats), and says when the peer hung up first', async () => {
    const memcached = await serve((s) => s.on('data', () => s.write('STAT pid 42\r\nEND\r\n')));
    expect(await tcpProbe('127.0.0.1', memcached, 1000, 'stats\r\n', (t) => /STAT pid \d+/.test(t))).toBeUndefined();
    const rude = await serve((s) => s.on('data', () => s.end('ERROR\r\n')));
    expect(await tcpProbe('127.0.0.1', rude, 1000, 'stats\r\n', (t) => /STAT pid \d+/.test(t))).toBe(`127.0.0.1:${rude} closed the connection`);
  });

  it('gives up after its timeout with the target named', async () => {
    const silent = await serve(() => {});
    expect(await tcpProbe('127.0.0.1', silent, 100, 'stats\r\n', () => false)).toBe(`no answer from 127.0.0.1:${silent} within 100 ms`);
    expect(await httpProbe(`http://127.0.0.1:${silent}/`, 100, 200)).toBe(`GET http://127.0.0.1:${silent}/: no answer within 100 ms`);
  });

  it('checks an HTTP answer’s status and body', async () => {
    const answer = (status: string, body: string) => (s: Socket) => s.once('data', () => s.end(`HTTP/1.0 ${status}\r\nContent-Type: text/plain\r\n\r\n${body}`));
    const ok = await serve(answer('200 OK', 'hello qs1'));
    const url = `http://127.0.0.1:${ok}/`;
    expect(await httpProbe(url, 1000, 200)).toBeUndefined();
    expect(await httpProbe(url, 1000, 200, 'qs1')).toBeUndefined();
    expect(await httpProbe(url, 1000, 200, 'qs2')).toBe(`GET ${url}: body lacks "qs2"`);
    expect(await httpProbe(url, 1000, 204)).toBe(`GET ${url}: status 200, expected 204`);
    const notHttp = await serve((s) => s.once('data', () => s.end('SSH-2.0-OpenSSH\r\n')));
    expect(await httpProbe(`http://127.0.0.1:${notHttp}/`, 1000, 200)).toBe(`GET http://127.0.0.1:${notHttp}/: not an HTTP answer`);
  });
});
