import { conflictReason, TransportError, type TransportErrorCode } from './errors.js';
import type { FileChannel, NumericAttrs } from './file-channel.js';
import {
  cleanupCommand, commitCommand, discardCommand, idsCommand, mkdirCommand, parseReadMany, parseUnsafe, pathGuard,
  readManyCommand, rollbackCommand, stageFromStdinCommand, sudoWrap, tmpPathFor,
} from './shell.js';
import {
  isPathConflict, type BackupSuffix, type CommitResult, type ExecOptions, type ExecResult, type FileAttrs, type PathConflict,
  type PathConflictKind, type RemoteFile, type StagedFile, type Transport,
} from './transport.js';

export interface RawResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Runs `sh -c command` where the files live; throws only when the command could not run at all. */
export type RawExec = (command: string, input?: Buffer, timeoutMs?: number) => Promise<RawResult>;

export const TIMED_OUT = 124;

export interface ShellTransportOptions {
  node: string;
  target: string;
  exec: RawExec;
  /**
   * stage/commit without a shell per step; not used with sudo (the channel runs as the login user) nor under a
   * root prefix (the shell's guard is what keeps writes inside it)
   */
  files?: FileChannel;
  sudo?: boolean;
  /** prefix for every node path (the local transport's root) */
  root?: string;
  /** default: true unless a root prefix is set */
  nodeTools?: boolean;
  close?: () => Promise<void>;
}

const lastLines = (text: string): string => text.trim().split('\n').slice(-3).join(' / ');

/** The atomic-write protocol over any shell: the ssh and the local transport are this plus a channel. */
export class ShellTransport implements Transport {
  readonly node: string;
  readonly target: string;
  readonly nodeTools: boolean;
  readonly #opts: ShellTransportOptions;
  readonly #root: string | undefined;
  #files: FileChannel | undefined;
  readonly #ids = new Map<string, Promise<NumericAttrs>>();

  constructor(opts: ShellTransportOptions) {
    this.node = opts.node;
    this.target = opts.target;
    this.#root = opts.root && opts.root !== '/' ? opts.root.replace(/\/+$/, '') : undefined;
    this.nodeTools = opts.nodeTools ?? this.#root === undefined;
    this.#opts = opts;
    this.#files = opts.sudo || this.#root !== undefined ? undefined : opts.files;
  }

  commandPath(path: string): string {
    return this.#root === undefined ? path : `${this.#root}${path}`;
  }

  async #raw(command: string, input?: Buffer, timeoutMs?: number): Promise<RawResult> {
    return this.#opts.exec(this.#opts.sudo ? sudoWrap(command) : command, input, timeoutMs);
  }

  #unsafe(path: string, kind: PathConflictKind): TransportError {
    return new TransportError('transport-unsafe-path', this.node, `${this.node} (${this.target}): ${path}: ${conflictReason(kind)}`);
  }

  /** With `on`, the command works on that node path: the path guard runs first and a conflict is reported against it. */
  async #must(code: TransportErrorCode, what: string, command: string, opts: { on?: string; input?: Buffer } = {}): Promise<string> {
    const r = await this.#raw(opts.on === undefined ? command : `${pathGuard(this.#root)}\n${command}`, opts.input);
    if (r.code === 0) return r.stdout.toString('utf8');
    const unsafe = opts.on === undefined ? undefined : parseUnsafe(r.stderr);
    if (unsafe) throw this.#unsafe(opts.on!, unsafe);
    throw new TransportError(code, this.node, `${this.node} (${this.target}): ${what}: ${lastLines(r.stderr) || `exit ${r.code}`}`);
  }

  async exec(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    const input = opts.input === undefined ? undefined : Buffer.from(opts.input);
    const r = await this.#raw(command, input, opts.timeoutMs);
    return { stdout: r.stdout.toString('utf8'), stderr: r.stderr, code: r.code };
  }

  async readFiles(paths: readonly string[], opts: { removeTemp?: boolean } = {}): Promise<(RemoteFile | PathConflict | undefined)[]> {
    if (paths.length === 0) return [];
    const real = paths.map((p) => this.commandPath(p));
    const command = opts.removeTemp ? `${cleanupCommand(real)}\n${readManyCommand(real)}` : readManyCommand(real);
    const stdout = await this.#must('transport-read-failed', `reading ${paths.length} files`, command, { on: paths[0]! });
    return parseReadMany(stdout, paths.length).map((r, i) => {
      if (r === 'missing') return undefined;
      if (r === 'unreadable') throw new TransportError('transport-read-failed', this.node, `${this.node} (${this.target}): cannot read ${paths[i]}`);
      return r;
    });
  }

  async readFile(path: string): Promise<RemoteFile | undefined> {
    const live = (await this.readFiles([path]))[0];
    if (isPathConflict(live)) throw this.#unsafe(path, live.conflict);
    return live;
  }

  #numericAttrs(attrs: FileAttrs): Promise<NumericAttrs> {
    let ids = this.#ids.get(attrs.owner);
    if (!ids) {
      ids = this.#must('transport-write-failed', `looking up owner ${attrs.owner}`, idsCommand(attrs.owner)).then((out) => {
        const [uid, gid] = out.trim().split(' ').map(Number);
        if (!Number.isInteger(uid) || !Number.isInteger(gid)) {
          throw new TransportError('transport-write-failed', this.node, `${this.node}: owner ${attrs.owner} does not exist there`);
        }
        return { mode: 0, uid: uid!, gid: gid! };
      });
      ids.catch(() => this.#ids.delete(attrs.owner));
      this.#ids.set(attrs.owner, ids);
    }
    return ids.then((id) => ({ ...id, mode: parseInt(attrs.mode, 8) }));
  }

  async #channelStage(files: FileChannel, path: string, tmpPath: string, bytes: Buffer, attrs: FileAttrs): Promise<boolean> {
    const numeric = await this.#numericAttrs(attrs);
    try {
      return await files.stage(tmpPath, bytes, numeric);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await this.#must('transport-write-failed', `creating the directory of ${path}`, mkdirCommand(this.commandPath(path)), { on: path });
      return files.stage(tmpPath, bytes, numeric);
    }
  }

  async stageFile(path: string, content: Buffer | string, attrs: FileAttrs): Promise<StagedFile> {
    const real = this.commandPath(path);
    const tmpPath = tmpPathFor(real);
    const bytes = Buffer.from(content);
    const files = this.#files;
    if (files && (await this.#channelStage(files, path, tmpPath, bytes, attrs))) return { path, tmpPath };
    this.#files = undefined;
    await this.#must('transport-write-failed', `writing ${path}`, stageFromStdinCommand(real, tmpPath, attrs), { on: path, input: bytes });
    return { path, tmpPath };
  }

  async commitStaged(staged: StagedFile, opts: { backupSuffix: BackupSuffix }): Promise<CommitResult> {
    const real = this.commandPath(staged.path);
    const viaChannel = await this.#files?.commit(real, staged.tmpPath, opts.backupSuffix);
    if (viaChannel) return viaChannel;
    const backup = await this.#must('transport-write-failed', `replacing ${staged.path}`, commitCommand(real, staged.tmpPath, opts.backupSuffix), { on: staged.path });
    return backup ? { backup } : {};
  }

  /** Without a file channel, staging and committing share one shell: one round trip per file. */
  async writeFileAtomic(path: string, content: Buffer | string, attrs: FileAttrs, opts: { backupSuffix: BackupSuffix }): Promise<CommitResult> {
    if (this.#files) {
      const staged = await this.stageFile(path, content, attrs);
      try {
        return await this.commitStaged(staged, opts);
      } catch (err) {
        await this.discardStaged(staged).catch(() => undefined);
        throw err;
      }
    }
    const real = this.commandPath(path);
    const tmpPath = tmpPathFor(real);
    const command = `${stageFromStdinCommand(real, tmpPath, attrs)} || exit 1\n${commitCommand(real, tmpPath, opts.backupSuffix)}`;
    const backup = await this.#must('transport-write-failed', `writing ${path}`, command, { on: path, input: Buffer.from(content) });
    return backup ? { backup } : {};
  }

  async discardStaged(staged: StagedFile): Promise<void> {
    await this.#must('transport-write-failed', `removing the temp file of ${staged.path}`, discardCommand(staged.tmpPath), { on: staged.path });
  }

  async rollback(path: string, commit: CommitResult): Promise<void> {
    await this.#must('transport-write-failed', `rolling back ${path}`, rollbackCommand(this.commandPath(path), commit.backup), { on: path });
  }

  async cleanupTemp(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.#must('transport-write-failed', 'removing leftover temp files', cleanupCommand(paths.map((p) => this.commandPath(p))), { on: paths[0]! });
  }

  async close(): Promise<void> {
    await this.#opts.close?.();
  }
}
