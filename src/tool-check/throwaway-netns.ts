import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

export interface NetnsInterface {
  /** interface name as the checked file names it (max 15 characters) */
  name: string;
  /** addresses with prefix, e.g. 10.0.0.1/24 */
  addresses?: string[];
}

/** A file that exists at `path` only for one run, inside its private mount namespace; the host never sees it. */
export interface StagedFile {
  path: string;
  content: string | Uint8Array;
  mode?: number;
}

export interface NetnsRunOptions {
  /** hostname inside a private UTS namespace */
  hostname?: string;
  files?: readonly StagedFile[];
  env?: Record<string, string>;
  input?: string;
  timeoutMs?: number;
}

export interface NetnsRunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface Netns {
  name: string;
  /** Runs argv inside the namespace, in a private mount namespace with an empty /run (no pid file lands on the host). */
  run(argv: readonly string[], options?: NetnsRunOptions): Promise<NetnsRunResult>;
}

/** Names carry the PID so a test can tell its own namespaces from those of parallel runs. */
export function netnsPrefix(pid = process.pid): string {
  return `hactl-chk-${pid}-`;
}

const IFNAME = /^[A-Za-z0-9_.:-]{1,15}$/;
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

async function ip(args: string[]): Promise<void> {
  const r = await execa('ip', args, { reject: false, env: { PATH: SYSTEM_PATH } });
  if (r.exitCode !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr.trim() || `exit ${r.exitCode}`}`);
}

/** The kernel may lack the dummy driver (some VM kernels); a veth whose peer stays in the namespace is as good. */
async function addInterface(ns: string, iface: NetnsInterface, index: number): Promise<void> {
  if (!IFNAME.test(iface.name)) throw new Error(`cannot create interface ${JSON.stringify(iface.name)} (not a valid interface name)`);
  const peer = `hactlp${index}`;
  const dummy =
    iface.name === 'lo'
      ? { exitCode: 0 }
      : await execa('ip', ['-n', ns, 'link', 'add', iface.name, 'type', 'dummy'], { reject: false, env: { PATH: SYSTEM_PATH } });
  if (dummy.exitCode !== 0) {
    await ip(['-n', ns, 'link', 'add', iface.name, 'type', 'veth', 'peer', 'name', peer]);
    await ip(['-n', ns, 'link', 'set', peer, 'up']);
  }
  for (const address of iface.addresses ?? []) await ip(['-n', ns, 'addr', 'add', address, 'dev', iface.name]);
  await ip(['-n', ns, 'link', 'set', iface.name, 'up']);
}

/**
 * Runs `fn` with a fresh network namespace (unique name, loopback plus the given dummy interfaces, no route anywhere)
 * and deletes it afterwards whatever happens.
 */
export async function withNetns<T>(interfaces: readonly NetnsInterface[], fn: (ns: Netns) => Promise<T>): Promise<T> {
  const name = `${netnsPrefix()}${randomBytes(4).toString('hex')}`;
  await ip(['netns', 'add', name]);
  try {
    await ip(['-n', name, 'link', 'set', 'lo', 'up']);
    const unique = [...new Map(interfaces.map((i) => [i.name, i])).values()];
    for (const [index, iface] of unique.entries()) await addInterface(name, iface, index);
    return await fn({ name, run: (argv, options) => runInNetns(name, argv, options ?? {}) });
  } finally {
    await execa('ip', ['netns', 'delete', name], { reject: false, env: { PATH: SYSTEM_PATH } });
  }
}

/** A checker's result when the namespace itself could not be built (not root, no `ip`): a failure, never a pass. */
export function setupFailure(e: unknown): string {
  return `could not set up the throw-away namespace for the check (needs root and iproute2): ${(e as Error).message}`;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The deepest directory that exists on the host: an overlay there lets a missing path appear without touching it. */
function existingAncestor(path: string): string {
  let dir = dirname(path);
  while (!existsSync(dir)) dir = dirname(dir);
  return dir;
}

function overlayRoots(files: readonly StagedFile[]): string[] {
  const roots = [...new Set(files.map((f) => existingAncestor(f.path)))].sort();
  for (const root of roots) {
    if (root === '/' || /[\s,:]/.test(root)) throw new Error(`cannot stage files under ${root} (needs an existing directory below /, without spaces, commas or colons)`);
  }
  return roots.filter((root) => !roots.some((other) => other !== root && root.startsWith(`${other}/`)));
}

async function prelude(scratch: string, files: readonly StagedFile[]): Promise<string> {
  // through /proc, as the kernel takes it: hostname(1) refuses names with an underscore (host_m), which node names may hold
  const setName = `[ -z "$HACTL_NS_HOSTNAME" ] || printf '%s' "$HACTL_NS_HOSTNAME" > /proc/sys/kernel/hostname`;
  const lines = ['set -e', setName, 'mount -t tmpfs -o mode=0755 hactl-run /run'];
  if (files.length) {
    const stage = join(scratch, 'stage');
    lines.push(`mkdir -p ${quote(stage)}`, `mount -t tmpfs -o mode=0755 hactl-stage ${quote(stage)}`);
    for (const [i, root] of overlayRoots(files).entries()) {
      const upper = `${stage}/u${i}`;
      const work = `${stage}/w${i}`;
      lines.push(`mkdir -p ${quote(upper)} ${quote(work)}`, `chmod --reference=${quote(root)} ${quote(upper)}`);
      lines.push(`mount -t overlay hactl-ov -o ${quote(`lowerdir=${root},upperdir=${upper},workdir=${work}`)} ${quote(root)}`);
    }
    for (const [i, file] of files.entries()) {
      const source = join(scratch, `f${i}`);
      await writeFile(source, file.content);
      await chmod(source, file.mode ?? 0o644);
      lines.push(`mkdir -p ${quote(dirname(file.path))}`, `cp -p ${quote(source)} ${quote(file.path)}`);
    }
  }
  lines.push('exec "$@"');
  const script = join(scratch, 'prelude.sh');
  await writeFile(script, `${lines.join('\n')}\n`, { mode: 0o700 });
  return script;
}

async function runInNetns(ns: string, argv: readonly string[], options: NetnsRunOptions): Promise<NetnsRunResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'hactl-ns-'));
  try {
    const script = await prelude(scratch, options.files ?? []);
    // ip, unshare and sh each exec the next, so the tool keeps the PID execa kills on timeout
    const r = await execa('ip', ['netns', 'exec', ns, 'unshare', '--mount', '--uts', '--propagation', 'private', '--', '/bin/sh', script, ...argv], {
      reject: false,
      env: { PATH: SYSTEM_PATH, LANG: 'C', ...options.env, HACTL_NS_HOSTNAME: options.hostname ?? '' },
      extendEnv: false,
      input: options.input ?? '',
      timeout: options.timeoutMs ?? 30_000,
      killSignal: 'SIGKILL',
    });
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr), timedOut: r.timedOut };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
