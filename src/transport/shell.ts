import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { BackupSuffix, FileAttrs, PathConflict, PathConflictKind } from './transport.js';

/** Single-quotes a word for sh; paths and owners come from the stack, so nothing goes unquoted. */
export const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

export const TMP_MARK = '.hactl-tmp-';

export const tmpPathFor = (path: string): string => `${path}${TMP_MARK}${randomBytes(6).toString('hex')}`;

const READ_MISSING = '-missing-';
const READ_ERROR = '-unreadable-';
const READ_CONFLICT = '-conflict-';
const UNSAFE_MARK = 'hactl-unsafe-path';

/**
 * Shell functions every path command starts with. `conflict P` prints why P must be neither read nor written
 * (see PathConflict): P's directory, every link on the way resolved, must lie under the node's root, or a link
 * such as DIR/lb1/etc -> /etc would lead a `--local` write onto this machine's own files (`readlink -m`:
 * coreutils 8.4 on CentOS 6 has no realpath); P itself must be a regular file or absent. `writable P` fails
 * naming the conflict on stderr, for the transport to report.
 */
export function pathGuard(root: string | undefined): string {
  // The root's own name is taken as it is (DIR/lb1 made a link elsewhere must not carry lb1's files there); the
  // directory above it may be a link the user chose.
  const inside = root && root !== '/'
    ? [
      `R=$(readlink -m -- ${quote(dirname(root))}) || exit 1; R="\${R%/}/"${quote(basename(root))}`,
      'inside() { case "$(readlink -m -- "$(dirname -- "$1")")/" in "$R"/*) ;; *) return 1;; esac; }',
    ]
    : ['inside() { :; }'];
  return [
    ...inside,
    'conflict() { if ! inside "$1"; then echo outside-root; elif [ -L "$1" ]; then echo symlink; elif [ -e "$1" ] && [ ! -f "$1" ]; then echo not-a-file; else return 1; fi; }',
    `writable() { if k=$(conflict "$1"); then echo "${UNSAFE_MARK} $k $1" >&2; return 1; fi; }`,
  ].join('\n');
}

const CONFLICTS: readonly PathConflictKind[] = ['symlink', 'outside-root', 'not-a-file'];
const asConflict = (word: string | undefined): PathConflictKind | undefined => CONFLICTS.find((k) => k === word);

/** The conflict a failed command reported through `writable`, if that is why it failed. */
export const parseUnsafe = (stderr: string): PathConflictKind | undefined =>
  asConflict(new RegExp(`^${UNSAFE_MARK} (\\S+) `, 'm').exec(stderr)?.[1]);

// Reading many files in one round trip (a session costs a shell start, which a heavy .bashrc makes slow): per
// file a metadata line, then the content as one base64 line, so framing survives any bytes. `%y` (not `%.9Y`)
// because coreutils 8.4 on CentOS 6 has no precision for %Y. A conflict is named, its content never read.
export const readManyCommand = (paths: readonly string[]): string => paths.map((p) => {
  const P = quote(p);
  return `if k=$(conflict ${P}); then echo "${READ_CONFLICT} $k"; echo; elif [ -e ${P} ]; then stat -c '%a %U:%G %y' -- ${P} 2>/dev/null || echo '${READ_ERROR}'; base64 -w0 < ${P} 2>/dev/null; echo; else echo '${READ_MISSING}'; echo; fi`;
}).join('\n');

export type ReadOutcome = { mode: string; owner: string; mtimeMs: number; content: Buffer } | PathConflict | 'missing' | 'unreadable';

export function parseReadMany(stdout: string, count: number): ReadOutcome[] {
  const lines = stdout.split('\n');
  return Array.from({ length: count }, (_, i): ReadOutcome => {
    const meta = lines[2 * i] ?? READ_ERROR;
    if (meta === READ_MISSING) return 'missing';
    const [mark, kind] = meta.split(' ');
    if (mark === READ_CONFLICT) {
      const conflict = asConflict(kind);
      return conflict ? { conflict } : 'unreadable';
    }
    const stat = parseStatLine(meta);
    return stat ? { ...stat, content: Buffer.from(lines[2 * i + 1] ?? '', 'base64') } : 'unreadable';
  });
}

/** Numeric ids for 'user:group' (or 'user', then the user's group), resolved on the node itself. */
export const idsCommand = (owner: string): string => {
  const [user = '', group] = owner.split(':');
  const gid = group ? `getent group ${quote(group)} | cut -d: -f3` : `id -g ${quote(user)}`;
  return `printf '%s %s\\n' "$(id -u ${quote(user)})" "$(${gid})"`;
};

export function parseStatLine(line: string): { mode: string; owner: string; mtimeMs: number } | undefined {
  const m = /^([0-7]+) (\S+) (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? ([+-])(\d\d)(\d\d)$/.exec(line.trim());
  if (!m) return undefined;
  const [, mode, owner, y, mo, d, h, mi, s, frac = '0', sign, zh, zm] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offsetMs = (Number(zh) * 60 + Number(zm)) * 60_000 * (sign === '-' ? -1 : 1);
  const fracMs = Number(`0.${frac}`) * 1000;
  return { mode: normalizeMode(mode!), owner: owner!, mtimeMs: utc - offsetMs + fracMs };
}

export const normalizeMode = (mode: string): string => parseInt(mode, 8).toString(8).padStart(4, '0');

// Parent directories get 0755 (a umask 077 mkdir would lock services out of /etc/keepalived); the temp file is
// created 0600 so a half-written secret is never world-readable.
export const mkdirCommand = (path: string): string => `writable ${quote(path)} && (umask 022 && mkdir -p -- ${quote(dirname(path))})`;

export const attrsCommand = (tmp: string, attrs: FileAttrs): string =>
  `chown -- ${quote(attrs.owner)} ${quote(tmp)} && chmod ${quote(attrs.mode)} ${quote(tmp)}`;

/** Stage from stdin: dd conv=fsync flushes the data before the rename can make it visible. */
export const stageFromStdinCommand = (path: string, tmp: string, attrs: FileAttrs): string =>
  `${mkdirCommand(path)} && umask 077 && dd of=${quote(tmp)} bs=65536 conv=fsync 2>/dev/null && ${attrsCommand(tmp, attrs)}`;

// The backup is a hard link to the replaced inode: the exact old bytes, mode, owner and mtime (what `cp -p` keeps),
// created atomically; cp -p only where links are impossible, never through a link left at the backup's name.
// Prints the backup path it used.
export const commitCommand = (path: string, tmp: string, suffix: BackupSuffix): string => {
  const P = quote(path);
  return [
    `writable ${P} || exit 1`,
    'B=',
    `if [ -e ${P} ]; then B=${quote(`${path}.${suffix.day}`)}; if [ -e "$B" ]; then B=${quote(`${path}.${suffix.stamp}`)}; fi;`
      + ` ln -f -- ${P} "$B" 2>/dev/null || { rm -f -- "$B" && cp -p -- ${P} "$B"; } || exit 1; fi`,
    `mv -f -- ${quote(tmp)} ${P} || exit 1`,
    `printf '%s' "$B"`,
  ].join('\n');
};

export const rollbackCommand = (path: string, backup: string | undefined): string => {
  const guard = `writable ${quote(path)} || exit 1\n`;
  if (!backup) return `${guard}rm -f -- ${quote(path)}`;
  const tmp = tmpPathFor(path);
  return `${guard}cp -p -- ${quote(backup)} ${quote(tmp)} && mv -f -- ${quote(tmp)} ${quote(path)}`;
};

export const discardCommand = (tmp: string): string => `writable ${quote(tmp)} && rm -f -- ${quote(tmp)}`;

// Only temp files in directories inside the root: a link out of it must not make hactl delete anything there.
export const cleanupCommand = (paths: readonly string[]): string =>
  paths.map((p) => `if inside ${quote(p)}; then rm -f -- ${quote(p)}${TMP_MARK}* || exit 1; fi`).join('\n');

export const sudoWrap = (command: string): string => `sudo -n -- sh -c ${quote(command)}`;

export function backupSuffix(now: Date = new Date()): BackupSuffix {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return { day, stamp: `${day}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}` };
}
