import type { Client, ClientChannel } from 'ssh2';
import { TransportError } from '../errors.js';
import { limiter } from '../limit.js';
import { ShellTransport, TIMED_OUT, type RawExec, type RawResult } from '../shell-transport.js';
import type { Transport } from '../transport.js';
import { connectSsh, type SshConnectOptions } from './connect.js';
import type { SshEndpoint } from './inventory.js';
import { sftpFiles } from './sftp-files.js';

const MAX_STDERR = 64 * 1024;
// OpenSSH's default MaxSessions is 10 per connection, and the SFTP session takes one of them.
const CHANNELS = 8;

function channelExec(client: Client, lost: () => TransportError, pending: Set<(err: Error) => void>): RawExec {
  const limit = limiter(CHANNELS);
  return (command, input, timeoutMs) => limit(() => new Promise<RawResult>((resolve, reject) => {
    const fail = (err: Error): void => {
      pending.delete(fail);
      reject(err);
    };
    pending.add(fail);
    const onChannel = (err: Error | undefined, stream: ClientChannel): void => {
      if (err) return fail(lost());
      const out: Buffer[] = [];
      let stderr = '';
      let code: number | undefined;
      let signal: string | undefined;
      stream.on('data', (chunk: Buffer) => out.push(chunk));
      stream.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8');
      });
      stream.on('exit', (c: number | null, sig?: string) => {
        code = c ?? undefined;
        signal = sig;
      });
      let timedOut = false;
      const timer = timeoutMs ? setTimeout(() => {
        timedOut = true;
        stream.signal('KILL');
        stream.close();
      }, timeoutMs) : undefined;
      stream.on('close', () => {
        clearTimeout(timer);
        if (timedOut) {
          pending.delete(fail);
          return resolve({ stdout: Buffer.concat(out), stderr: `timed out after ${timeoutMs} ms`, code: TIMED_OUT });
        }
        if (code === undefined && signal === undefined) return fail(lost());
        pending.delete(fail);
        resolve({ stdout: Buffer.concat(out), stderr: signal ? `${stderr}killed by SIG${signal}` : stderr, code: code ?? 255 });
      });
      stream.on('error', () => fail(lost()));
      stream.end(input ?? undefined);
    };
    try {
      client.exec(command, onChannel);
    } catch {
      fail(lost());
    }
  }));
}

/** A node reached over SSH: commands through exec channels, file bodies through SFTP when logged in as root. */
export async function sshTransport(endpoint: SshEndpoint, opts: SshConnectOptions): Promise<Transport> {
  const client = await connectSsh(endpoint, opts);
  const target = `${endpoint.user}@${endpoint.host}:${endpoint.port}`;
  const pending = new Set<(err: Error) => void>();
  let closing = false;
  const lost = (): TransportError =>
    new TransportError('ssh-connection-lost', endpoint.node, `${endpoint.node}: the connection to ${target} was lost`);
  const failAll = (): void => {
    for (const fail of [...pending]) fail(lost());
  };
  client.on('error', failAll);
  let gone = false;
  client.on('close', () => {
    gone = true;
    if (!closing) failAll();
  });
  const files = sftpFiles(client);
  const wrap = async <T>(what: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw err;
      if (gone) throw lost();
      throw new TransportError('transport-write-failed', endpoint.node, `${endpoint.node} (${target}): sftp ${what}: ${(err as Error).message}`);
    }
  };
  return new ShellTransport({
    node: endpoint.node,
    target,
    sudo: endpoint.sudo,
    exec: channelExec(client, lost, pending),
    files: {
      stage: (tmpPath, bytes, attrs) => wrap(`write of ${tmpPath}`, () => files.stage(tmpPath, bytes, attrs)),
      commit: (path, tmpPath, suffix) => wrap(`rename to ${path}`, () => files.commit(path, tmpPath, suffix)),
    },
    close: async () => {
      closing = true;
      await new Promise<void>((resolve) => {
        client.once('close', () => resolve());
        client.end();
        setTimeout(resolve, 2_000).unref();
      });
    },
  });
}
