import { chmod, mkdir, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { parseRequest, type ControlError, type ControlRequest, type ControlResponse } from './protocol.js';

export class ControlFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ControlServer {
  readonly path: string;
  close(): Promise<void>;
}

const MAX_LINE = 64 * 1024;

/** Refuses to take over the socket of an agent that still answers there. */
async function clearStale(path: string): Promise<void> {
  const live = await new Promise<boolean>((resolve) => {
    const s = connect(path);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
  if (live) throw new Error(`another agent is listening on ${path}`);
  await rm(path, { force: true });
}

/** Unix socket, mode 0600 in a 0700 directory: only root (the agent's user) may command the cluster. */
export async function startControlServer(path: string, handle: (req: ControlRequest) => Promise<unknown>): Promise<ControlServer> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await clearStale(path);
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = '';
    socket.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      if (buffer.length > MAX_LINE && !buffer.includes('\n')) {
        reply(socket, { ok: false, error: { code: 'bad-request', message: 'request line too long' } });
        socket.end();
        return;
      }
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) void answer(socket, line, handle);
      }
    });
  });
  const oldUmask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } finally {
    process.umask(oldUmask);
  }
  await chmod(path, 0o600);
  return {
    path,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(path, { force: true });
    },
  };
}

async function answer(socket: Socket, line: string, handle: (req: ControlRequest) => Promise<unknown>): Promise<void> {
  let id: unknown;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return reply(socket, { ok: false, error: { code: 'bad-request', message: 'not JSON' } });
  }
  if (typeof parsed === 'object' && parsed !== null) id = (parsed as { id?: unknown }).id;
  const req = parseRequest(parsed);
  if (typeof req === 'string') return reply(socket, { id, ok: false, error: { code: 'bad-request', message: req } });
  try {
    reply(socket, { id, ok: true, result: await handle(req) });
  } catch (err) {
    const error: ControlError =
      err instanceof ControlFailure ? { code: err.code, message: err.message } : { code: 'internal', message: (err as Error).message };
    reply(socket, { id, ok: false, error });
  }
}

function reply(socket: Socket, res: ControlResponse): void {
  if (!socket.destroyed) socket.write(JSON.stringify(res) + '\n');
}
