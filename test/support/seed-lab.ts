import { existsSync, readdirSync } from 'node:fs';
import { execa } from 'execa';

/** The seed stacks' secrets, as a user would export them. */
export const seedEnv = { HACTL_VRRP_PASS: '1111', HACTL_AUTHKEY: 'a-shared-cluster-key' };

/** The built CLI, as a user runs it. */
export const hactl = (...args: string[]) =>
  execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env: seedEnv, timeout: 170_000 });

/** Namespaces of a lab still present on this host (must be none after `down`). */
export const labNamespaces = (lab: string): string[] =>
  existsSync('/run/netns') ? readdirSync('/run/netns').filter((n) => n.startsWith(`hactl-${lab}.`)) : [];

/** Runs a shell command inside a lab member (node or `client`) through `hactl lab exec`. */
export async function inLab(stack: string, member: string, command: string): Promise<{ code: number; out: string; err: string }> {
  const r = await hactl('lab', 'exec', stack, member, '--', 'sh', '-c', command);
  return { code: r.exitCode ?? -1, out: r.stdout.trim(), err: r.stderr.trim() };
}

/** Runs a small Node program in the client namespace (the lab client has the host's node, no nc or curl needed). */
export async function clientNode(stack: string, source: string): Promise<string> {
  const r = await hactl('lab', 'exec', stack, 'client', '--', process.execPath, '-e', source);
  return r.exitCode === 0 ? r.stdout.trim() : '';
}

/** The body the client gets for an HTTP URL ('' when nothing answers). */
export const clientGets = (stack: string, url: string): Promise<string> =>
  clientNode(stack, `fetch(${JSON.stringify(url)}, { signal: AbortSignal.timeout(5000) }).then(r => r.text()).then(t => process.stdout.write(t), () => process.exit(3))`);

/** Polls until `probe` returns a value `ok` accepts; returns the last value and the time it took. */
export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, everyMs = 500): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  let value = await probe();
  while (!ok(value) && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, everyMs));
    value = await probe();
  }
  return { value, ms: Date.now() - started };
}
