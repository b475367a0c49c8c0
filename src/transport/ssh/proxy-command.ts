import { spawn } from 'node:child_process';
import { Duplex } from 'node:stream';
import { relayArgv } from '../../netns/relay.js';

/** OpenSSH's ProxyCommand: the argv's stdin/stdout carry the connection (%h and %p are the target). */
export function proxySocket(argv: readonly string[], host: string, port: number): { sock: Duplex; stop(): void } {
  const [file, ...args] = argv.map((a) => a.replaceAll('%h', host).replaceAll('%p', String(port)));
  if (!file) throw new Error('empty proxy command');
  const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const sock = Duplex.from({ readable: child.stdout, writable: child.stdin });
  // A proxy that dies mid-write must end the connection, not crash the process with EPIPE.
  child.stdin.on('error', () => sock.destroy());
  child.on('error', (err) => sock.destroy(err));
  return { sock, stop: () => { child.kill('SIGKILL'); } };
}

/** A ProxyCommand that reaches %h:%p from wherever `prefix` runs it, e.g. `nsenter --net=... --` into a lab member. */
export function nodeRelayProxyCommand(prefix: readonly string[]): string[] {
  return relayArgv(prefix, '%h', '%p');
}
