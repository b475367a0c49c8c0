import type { Client, SFTPWrapper } from 'ssh2';

const CHUNK = 32 * 1024;
const IN_FLIGHT = 16;
const NO_SUCH_FILE = 2;

const call = <T>(fn: (cb: (err: Error | null | undefined, value: T) => void) => void): Promise<T> =>
  new Promise<T>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

function asErrno(err: unknown): unknown {
  if ((err as { code?: unknown }).code === NO_SUCH_FILE) return Object.assign(new Error((err as Error).message), { code: 'ENOENT' });
  return err;
}

async function writeAll(sftp: SFTPWrapper, handle: Buffer, bytes: Buffer): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bytes.length) {
      const offset = next;
      const len = Math.min(CHUNK, bytes.length - offset);
      next += len;
      await call<void>((cb) => sftp.write(handle, bytes, offset, len, offset, (err) => cb(err, undefined)));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

/**
 * SFTP upload with the fsync@openssh.com extension, pipelined for large files. Resolves false when the server
 * has no sftp subsystem or no fsync extension: the caller then streams through `dd conv=fsync`.
 */
export function sftpUploader(client: Client): (tmpPath: string, bytes: Buffer) => Promise<boolean> {
  let session: Promise<SFTPWrapper | undefined> | undefined;
  const open = (): Promise<SFTPWrapper | undefined> => {
    session ??= call<SFTPWrapper>((cb) => client.sftp(cb)).catch(() => undefined);
    return session;
  };
  return async (tmpPath, bytes) => {
    const sftp = await open();
    if (!sftp) return false;
    let handle: Buffer;
    try {
      handle = await call<Buffer>((cb) => sftp.open(tmpPath, 'w', { mode: 0o600 }, cb));
    } catch (err) {
      throw asErrno(err);
    }
    let synced = false;
    try {
      await writeAll(sftp, handle, bytes);
      synced = await call<boolean>((cb) => {
        try {
          sftp.ext_openssh_fsync(handle, (err) => cb(err, true));
        } catch {
          cb(undefined, false);
        }
      });
    } finally {
      await call<void>((cb) => sftp.close(handle, (err) => cb(err, undefined))).catch(() => undefined);
    }
    return synced;
  };
}
