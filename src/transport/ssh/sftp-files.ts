import type { Client, SFTPWrapper, Stats } from 'ssh2';
import type { FileChannel, NumericAttrs } from '../file-channel.js';
import type { BackupSuffix, CommitResult } from '../transport.js';

const CHUNK = 32 * 1024;
const IN_FLIGHT = 32;
const NO_SUCH_FILE = 2;

type Cb<T> = (err: Error | null | undefined, value: T) => void;

// A request sent on a session that has just died is never answered: every call also fails when the connection
// closes, or a cut link would hang the apply in a `close` that waits forever.
const gone = new WeakMap<SFTPWrapper, Promise<never>>();

const call = <T>(fn: (cb: Cb<T>) => void, sftp?: SFTPWrapper): Promise<T> => {
  const answer = new Promise<T>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));
  const dead = sftp && gone.get(sftp);
  return dead ? Promise.race([answer, dead]) : answer;
};

const isMissing = (err: unknown): boolean => (err as { code?: unknown }).code === NO_SUCH_FILE;

/** Calls an OpenSSH extension; undefined when the server does not offer it (ssh2 throws before sending). */
function extension(fn: (cb: (err: Error | null | undefined) => void) => void, sftp: SFTPWrapper): Promise<boolean> {
  return call<boolean>((cb) => {
    try {
      fn((err) => cb(err, true));
    } catch {
      cb(undefined, false);
    }
  }, sftp);
}

async function writeAll(sftp: SFTPWrapper, handle: Buffer, bytes: Buffer): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bytes.length) {
      const offset = next;
      const len = Math.min(CHUNK, bytes.length - offset);
      next += len;
      await call<void>((cb) => sftp.write(handle, bytes, offset, len, offset, (err) => cb(err, undefined)), sftp);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

async function lstat(sftp: SFTPWrapper, path: string): Promise<Stats | undefined> {
  try {
    return await call<Stats>((cb) => sftp.lstat(path, cb), sftp);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

const exists = async (sftp: SFTPWrapper, path: string): Promise<boolean> => (await lstat(sftp, path)) !== undefined;

async function stage(sftp: SFTPWrapper, tmpPath: string, bytes: Buffer, attrs: NumericAttrs): Promise<boolean> {
  let handle: Buffer;
  try {
    // exclusive: never through anything already at the temp name
    handle = await call<Buffer>((cb) => sftp.open(tmpPath, 'wx', { mode: 0o600 }, cb), sftp);
  } catch (err) {
    if (isMissing(err)) throw Object.assign(new Error(`no directory for ${tmpPath}`), { code: 'ENOENT' });
    throw err;
  }
  let synced = false;
  try {
    await writeAll(sftp, handle, bytes);
    // chown before chmod: chown clears setuid/setgid bits
    await call<void>((cb) => sftp.fchown(handle, attrs.uid, attrs.gid, (err) => cb(err, undefined)), sftp);
    await call<void>((cb) => sftp.fchmod(handle, attrs.mode, (err) => cb(err, undefined)), sftp);
    synced = await extension((cb) => sftp.ext_openssh_fsync(handle, cb), sftp);
  } finally {
    await call<void>((cb) => sftp.close(handle, (err) => cb(err, undefined)), sftp).catch(() => undefined);
  }
  if (!synced) await call<void>((cb) => sftp.unlink(tmpPath, (err) => cb(err, undefined)), sftp).catch(() => undefined);
  return synced;
}

// The backup is a hard link to the replaced inode (the exact old bytes, mode, owner and mtime, as `cp -p` keeps),
// then posix-rename swaps the new file in atomically: no shell is started for either. A link or a non-file at the
// path is left to the shell, whose path guard refuses it and says why.
async function commit(sftp: SFTPWrapper, path: string, tmpPath: string, suffix: BackupSuffix): Promise<CommitResult | undefined> {
  let backup: string | undefined;
  const live = await lstat(sftp, path);
  if (live && !live.isFile()) return undefined;
  if (live) {
    backup = `${path}.${suffix.day}`;
    if (await exists(sftp, backup)) {
      backup = `${path}.${suffix.stamp}`;
      await call<void>((cb) => sftp.unlink(backup!, (err) => cb(err, undefined)), sftp).catch((err: unknown) => {
        if (!isMissing(err)) throw err;
      });
    }
    if (!(await extension((cb) => sftp.ext_openssh_hardlink(path, backup!, cb), sftp))) return undefined;
  }
  if (!(await extension((cb) => sftp.ext_openssh_rename(tmpPath, path, cb), sftp))) return undefined;
  return backup ? { backup } : {};
}

/** Staging and committing over one SFTP session; unavailable (all false) when the server has no sftp subsystem. */
export function sftpFiles(client: Client): FileChannel {
  let session: Promise<SFTPWrapper | undefined> | undefined;
  const open = (): Promise<SFTPWrapper | undefined> => {
    session ??= call<SFTPWrapper>((cb) => client.sftp(cb)).then((sftp) => {
      const dead = new Promise<never>((_, reject) => {
        const fail = (): void => reject(new Error('the SFTP session ended'));
        sftp.once('close', fail);
        client.once('close', fail);
      });
      dead.catch(() => undefined);
      gone.set(sftp, dead);
      return sftp;
    }, () => undefined);
    return session;
  };
  return {
    async stage(tmpPath, bytes, attrs) {
      const sftp = await open();
      return sftp ? stage(sftp, tmpPath, bytes, attrs) : false;
    },
    async commit(path, tmpPath, suffix) {
      const sftp = await open();
      return sftp ? commit(sftp, path, tmpPath, suffix) : undefined;
    },
  };
}
