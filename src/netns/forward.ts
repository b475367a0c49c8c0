import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { LabError } from './errors.js';
import { relayArgv } from './relay.js';
import { labPath } from './run.js';

export interface TcpForward {
  host: '127.0.0.1';
  port: number;
  close(): Promise<void>;
}

/**
 * The host has no route into the lab, by design. Tests that run a client in-process (ssh2) connect to a
 * loopback port instead, and each connection is relayed from `enterNet` (a member's network namespace).
 */
export async function forwardTcp(enterNet: readonly string[], target: { host: string; port: number }): Promise<TcpForward> {
  const relays = new Set<ReturnType<typeof spawn>>();
  const server = createServer((socket: Socket) => {
    // one relay per accepted connection, inside the member's network namespace
    const [file = 'nsenter', ...args] = relayArgv(enterNet, target.host, String(target.port));
    const relay = spawn(file, args, {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, PATH: labPath() },
    });
    relays.add(relay);
    // a connection that dies mid-write would otherwise surface as an uncaught EPIPE on the relay's stdin
    relay.stdin!.on('error', () => socket.destroy());
    socket.pipe(relay.stdin!);
    relay.stdout!.pipe(socket);
    socket.on('error', () => relay.kill('SIGKILL'));
    socket.on('close', () => relay.kill('SIGKILL'));
    relay.on('exit', () => { relays.delete(relay); socket.destroy(); });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new LabError('lab-command-failed', 'forward: no loopback port');
  return {
    host: '127.0.0.1',
    port: address.port,
    close: () => new Promise<void>((resolve) => {
      for (const relay of relays) relay.kill('SIGKILL');
      server.close(() => resolve());
    }),
  };
}
