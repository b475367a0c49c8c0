import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startVipProbe } from '../../src/operations/vip-probe.js';

// The failover probe runs on this machine here (no client namespace): what counts as the service answering.
describe('the VIP probe', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  const listen = async (onConnection: (s: import('node:net').Socket) => void): Promise<number> => {
    server = createServer(onConnection);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return (server.address() as { port: number }).port;
  };

  it('counts a service that closes an HTTP request without a word (memcached does) as answering', async () => {
    const port = await listen((s) => s.once('data', () => s.end()));
    const probe = startVipProbe([], '127.0.0.1', port, 10, 5000);
    const answer = await probe.next((a) => a.replied, 3000);
    probe.stop();
    expect(answer).toMatchObject({ connected: true, replied: true });
  });

  it('reads the first line of a service that answers with its name', async () => {
    const port = await listen((s) => s.once('data', () => s.end('HTTP/1.0 200 OK\r\n\r\nqs1\n')));
    const probe = startVipProbe([], '127.0.0.1', port, 10, 5000);
    const answer = await probe.next((a) => a.replied, 3000);
    probe.stop();
    expect(answer).toMatchObject({ connected: true, replied: true, text: 'qs1' });
  });

  it('does not count a connection the service resets as its answer', async () => {
    const port = await listen((s) => s.resetAndDestroy());
    const probe = startVipProbe([], '127.0.0.1', port, 10, 5000);
    const answer = await probe.next((a) => a.replied, 1000);
    probe.stop();
    expect(answer).toBeUndefined();
  });
});
