/** What a file on a node looks like now; `mode` is four octal digits ('0644'), `owner` is 'user:group'. */
export interface RemoteFile {
  content: Buffer;
  mode: string;
  owner: string;
  mtimeMs: number;
}

/**
 * Why a node path is neither read nor written: a symbolic link as the file itself (hactl never writes through
 * one, wherever it points), a directory on the way that resolves out of the node's root (a local `--local DIR`
 * prefix), or something other than a regular file where the file belongs.
 */
export type PathConflictKind = 'symlink' | 'outside-root' | 'not-a-file';

export interface PathConflict {
  conflict: PathConflictKind;
}

export const isPathConflict = (live: RemoteFile | PathConflict | undefined): live is PathConflict =>
  live !== undefined && 'conflict' in live;

export interface FileAttrs {
  mode: string;
  owner: string;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface ExecOptions {
  /** bytes fed to the command's stdin */
  input?: Buffer | string;
  /** give up after this long: the result is exit code 124, as timeout(1) reports it */
  timeoutMs?: number;
}

/** `path.YYYYMMDD` is the backup name admins make by hand (`cp -p`); `stamp` (YYYYMMDD-HHMMSS) is used when today's backup exists. */
export interface BackupSuffix {
  day: string;
  stamp: string;
}

/** A new version written next to its target (same directory, so the rename is atomic), not yet in place. */
export interface StagedFile {
  path: string;
  tmpPath: string;
}

export interface CommitResult {
  /** the dated copy of the replaced file, absent when the file was created */
  backup?: string;
}

/**
 * One node's files and commands. Every write goes temp file → fsync → chmod/chown → rename, so a cut connection
 * leaves the old or the new file, never a partial one. A write to a path with a conflict (see PathConflict)
 * fails with the TransportError 'transport-unsafe-path' before anything is written there.
 */
export interface Transport {
  readonly node: string;
  /** where it talks to, for messages: 'root@10.0.0.1:22' or 'local:/srv/root' */
  readonly target: string;
  /** commands run where the files will be used, so the node's own tools can judge them (not so under a local root prefix) */
  readonly nodeTools: boolean;
  /** throws a TransportError 'transport-unsafe-path' where readFiles reports a conflict */
  readFile(path: string): Promise<RemoteFile | undefined>;
  /**
   * Many files in one round trip, in order; undefined where a file does not exist, a conflict where hactl must
   * not look (its content is never read). `removeTemp` first deletes temp files a cut connection left next to
   * them (apply does; plan, being read-only, does not).
   */
  readFiles(paths: readonly string[], opts?: { removeTemp?: boolean }): Promise<(RemoteFile | PathConflict | undefined)[]>;
  writeFileAtomic(path: string, content: Buffer | string, attrs: FileAttrs, opts: { backupSuffix: BackupSuffix }): Promise<CommitResult>;
  /** writes the temp file (fsynced, with mode and owner) so a tool can check it before it goes live */
  stageFile(path: string, content: Buffer | string, attrs: FileAttrs): Promise<StagedFile>;
  commitStaged(staged: StagedFile, opts: { backupSuffix: BackupSuffix }): Promise<CommitResult>;
  discardStaged(staged: StagedFile): Promise<void>;
  /** puts the backup taken by commitStaged back in place (or removes a created file) */
  rollback(path: string, commit: CommitResult): Promise<void>;
  /** removes temp files a cut connection left next to these paths */
  cleanupTemp(paths: readonly string[]): Promise<void>;
  /** runs through `sh -c` on the node (with sudo when configured); a non-zero exit is returned, not thrown */
  exec(command: string, opts?: ExecOptions): Promise<ExecResult>;
  /** the path a command run by `exec` sees for a node path (differs only for the local transport's root prefix) */
  commandPath(path: string): string;
  close(): Promise<void>;
}
