import { TransportError } from './errors.js';
import {
  attrsCommand, cleanupCommand, commitCommand, MISSING_EXIT, mkdirCommand, parseStatLine, quote, readCommand,
  rollbackCommand, stageFromStdinCommand, sudoWrap, tmpPathFor,
} from './shell.js';
import type {
  BackupSuffix, CommitResult, ExecOptions, ExecResult, FileAttrs, RemoteFile, StagedFile, Transport,
} from './transport.js';

export interface RawResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Runs `sh -c command` where the files live; throws only when the command could not run at all. */
export type RawExec = (command: string, input?: Buffer) => Promise<RawResult>;

/**
 * Writes `content` to `tmpPath` (mode 0600, fsynced). Returns false when this channel cannot (then the transport
 * streams through `dd conv=fsync` instead); throws with code ENOENT when the directory is missing.
 */
export type Uploader = (tmpPath: string, content: Buffer) => Promise<boolean>;

export interface ShellTransportOptions {
  node: string;
  target: string;
  exec: RawExec;
  upload?: Uploader;
  sudo?: boolean;
  /** prefix for every node path (the local transport's root) */
  root?: string;
  close?: () => Promise<void>;
}

const firstLine = (text: string): string => text.trim().split('\n').slice(-3).join(' / ');

/** The atomic-write protocol over any shell: both the ssh and the local transport are this plus a channel. */
export class ShellTransport implements Transport {
  readonly node: string;
  readonly target: string;
  readonly #opts: ShellTransportOptions;
  #upload: Uploader | undefined;

  constructor(opts: ShellTransportOptions) {
    this.node = opts.node;
    this.target = opts.target;
    this.#opts = opts;
    this.#upload = opts.upload;
  }

  commandPath(path: string): string {
    const root = this.#opts.root;
    return root && root !== '/' ? `${root.replace(/\/+$/, '')}${path}` : path;
  }

  async #raw(command: string, input?: Buffer): Promise<RawResult> {
    return this.#opts.exec(this.#opts.sudo ? sudoWrap(command) : command, input);
  }

  async #must(code: 'transport-write-failed' | 'transport-read-failed' | 'transport-command-failed', what: string, command: string, input?: Buffer): Promise<string> {
    const r = await this.#raw(command, input);
    if (r.code !== 0) {
      const detail = firstLine(r.stderr) || `exit ${r.code}`;
      throw new TransportError(code, this.node, `${this.node} (${this.target}): ${what}: ${detail}`);
    }
    return r.stdout.toString('utf8');
  }

  async exec(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    const input = opts.input === undefined ? undefined : Buffer.from(opts.input);
    const r = await this.#raw(command, input);
    return { stdout: r.stdout.toString('utf8'), stderr: r.stderr, code: r.code };
  }

  async readFile(path: string): Promise<RemoteFile | undefined> {
    const r = await this.#raw(readCommand(this.commandPath(path)));
    if (r.code === MISSING_EXIT) return undefined;
    const nl = r.stdout.indexOf(0x0a);
    const meta = nl < 0 ? undefined : parseStatLine(r.stdout.subarray(0, nl).toString('utf8'));
    if (r.code !== 0 || !meta) {
      throw new TransportError('transport-read-failed', this.node, `${this.node} (${this.target}): reading ${path}: ${firstLine(r.stderr) || `exit ${r.code}`}`);
    }
    return { content: r.stdout.subarray(nl + 1), ...meta };
  }

  async stageFile(path: string, content: Buffer | string, attrs: FileAttrs): Promise<StagedFile> {
    const real = this.commandPath(path);
    const tmpPath = tmpPathFor(real);
    const bytes = Buffer.from(content);
    if (await this.#tryUpload(real, tmpPath, bytes)) {
      await this.#must('transport-write-failed', `setting mode/owner of ${path}`, attrsCommand(tmpPath, attrs));
    } else {
      await this.#must('transport-write-failed', `writing ${path}`, stageFromStdinCommand(real, tmpPath, attrs), bytes);
    }
    return { path, tmpPath };
  }

  async #tryUpload(real: string, tmpPath: string, bytes: Buffer): Promise<boolean> {
    const upload = this.#upload;
    if (!upload || this.#opts.sudo) return false;
    try {
      if (await upload(tmpPath, bytes)) return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await this.#must('transport-write-failed', `creating the directory of ${real}`, mkdirCommand(real));
      if (await upload(tmpPath, bytes)) return true;
    }
    this.#upload = undefined;
    return false;
  }

  async commitStaged(staged: StagedFile, opts: { backupSuffix: BackupSuffix }): Promise<CommitResult> {
    const real = this.commandPath(staged.path);
    const backup = await this.#must('transport-write-failed', `replacing ${staged.path}`, commitCommand(real, staged.tmpPath, opts.backupSuffix));
    return backup ? { backup } : {};
  }

  async writeFileAtomic(path: string, content: Buffer | string, attrs: FileAttrs, opts: { backupSuffix: BackupSuffix }): Promise<CommitResult> {
    return this.commitStaged(await this.stageFile(path, content, attrs), opts);
  }

  async discardStaged(staged: StagedFile): Promise<void> {
    await this.#must('transport-write-failed', `removing the temp file of ${staged.path}`, `rm -f -- ${quote(staged.tmpPath)}`);
  }

  async rollback(path: string, commit: CommitResult): Promise<void> {
    await this.#must('transport-write-failed', `rolling back ${path}`, rollbackCommand(this.commandPath(path), commit.backup));
  }

  async cleanupTemp(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.#must('transport-write-failed', 'removing leftover temp files', cleanupCommand(paths.map((p) => this.commandPath(p))));
  }

  async close(): Promise<void> {
    await this.#opts.close?.();
  }
}
