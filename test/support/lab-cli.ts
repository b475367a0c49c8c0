import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execa } from 'execa';
import { afterAll, beforeAll, expect } from 'vitest';
import { openLab } from '../../src/netns/index.js';
import { readState } from '../../src/netns/state.js';

/** The built CLI, as users run it; never throws on a non-zero exit (tests assert the exit code). */
export const hactl = (...args: string[]) =>
  execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env: { HACTL_VRRP_PASS: '1111' }, timeout: 240_000 });

/** What the lab's client namespace gets from an HTTP URL (the test services answer with their node's name); '' when nothing answers. */
export async function clientGets(stack: string, url: string): Promise<string> {
  const r = await hactl('lab', 'exec', stack, 'client', '--', 'curl', '-s', '-m', '2', url);
  return r.exitCode === 0 ? r.stdout.trim() : '';
}

/** Retries a check until it holds (runtimes move groups asynchronously after their tool returns). */
export async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** One command inside a lab node (its namespaces), as a user would with `hactl lab exec`. */
export async function onNode(stack: string, node: string, command: string): Promise<{ exitCode: number; stdout: string }> {
  const r = await hactl('lab', 'exec', stack, node, '--', 'sh', '-c', command);
  return { exitCode: r.exitCode ?? 1, stdout: r.stdout };
}

/** Every process the lab recorded or that lives in one of its nodes' namespaces: what `down` must leave none of. */
export function labFootprint(lab: string): { pids: { pid: number; startTime: string }[]; netns: string[] } {
  const state = readState(lab);
  const pids = (state?.processes ?? []).map((p) => ({ pid: p.pid, startTime: p.startTime }));
  if (state) {
    const opened = openLab(lab);
    for (const node of state.spec.nodes) for (const r of opened.residents(node.name)) pids.push({ pid: r.pid, startTime: startTimeOf(r.pid) ?? '' });
  }
  return { pids, netns: labNamespaces(lab) };
}

/** field 22 of /proc/PID/stat (after the parenthesised command name); undefined once the process is gone or a zombie */
function startTimeOf(pid: number): string | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
    return fields?.[0] === 'Z' ? undefined : fields?.[19];
  } catch {
    return undefined;
  }
}

/** The recorded processes still alive (same PID and start time: not a recycled PID). */
export const survivors = (pids: readonly { pid: number; startTime: string }[]): number[] =>
  pids.filter((p) => startTimeOf(p.pid) !== undefined && (p.startTime === '' || startTimeOf(p.pid) === p.startTime)).map((p) => p.pid);

export const labNamespaces = (lab: string): string[] =>
  existsSync('/run/netns') ? readdirSync('/run/netns').filter((n) => n.startsWith(`hactl-${lab}.`)) : [];

/** Host mounts that still name the lab's directory. */
export const labMounts = (lab: string): string[] =>
  readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => l.includes(`/run/hactl/lab/${lab}/`) || l.includes(`/run/netns/hactl-${lab}.`));

/** The node whose NIC answers the client's ARP for an address (VRRP VIPs carry no service to ask). */
export async function clientArpNode(stack: string, address: string, macs: Record<string, string>): Promise<string> {
  const r = await hactl('lab', 'exec', stack, 'client', '--', 'sh', '-c', `ip neigh flush all; ping -c1 -W1 ${address} >/dev/null; ip neigh show ${address}`);
  const mac = /lladdr (\S+)/.exec(r.stdout)?.[1];
  return Object.entries(macs).find(([, m]) => m === mac)?.[0] ?? '';
}

type CliResult = Awaited<ReturnType<typeof hactl>>;

/**
 * One `up` shared by every test of a file (runtimes take seconds to start), taken down after them whatever happened;
 * a lab left by an earlier, interrupted run is removed first.
 */
export function sharedLab(stack: string): () => CliResult {
  let up: CliResult | undefined;
  beforeAll(async () => {
    await hactl('down', stack);
    up = await hactl('up', stack);
  });
  afterAll(async () => {
    await hactl('down', stack);
  });
  return () => up!;
}

/** `hactl test failover --repeat 3` gives three times in a row, each from one node to another, and their summary. */
export async function expectThreeFailovers(stack: string, fault: string, service: RegExp, nodes: RegExp): Promise<string[]> {
  const run = await hactl('test', 'failover', stack, '--fault', fault, '--repeat', '3', '--timeout', '40');
  expect(run.stderr).not.toMatch(/^hactl: /m);
  expect(run.exitCode).toBe(0);
  const lines = run.stdout.split('\n').filter((l) => service.test(l));
  expect(lines).toHaveLength(3);
  const shape = new RegExp(`^${service.source}${fault} on (${nodes.source}) -> answered from (${nodes.source}) after \\d+ ms$`);
  for (const line of lines) expect(line).toMatch(shape);
  expect(run.stdout).toMatch(/^3 runs: median \d+ ms, min \d+ ms, max \d+ ms$/m);
  return lines;
}

/** A verb the runtime cannot express exits non-zero with one line that names the runtime and says why. */
export async function expectRefused(stack: string, verb: string, args: readonly string[], runtime: string, reason: RegExp): Promise<void> {
  const r = await hactl(verb, '--lab', stack, ...args);
  expect(r.exitCode).not.toBe(0);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('hactl: '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^hactl: ${verb} is not something ${runtime} can do: `));
  expect(lines[0]).toMatch(reason);
}

/** `down` removes the lab: no namespace, no mount, none of the processes it recorded or that lived in its nodes. */
export async function expectDownLeavesNothing(stack: string, lab: string): Promise<void> {
  const footprint = labFootprint(lab);
  expect(footprint.pids.length).toBeGreaterThan(0);
  const down = await hactl('down', stack);
  expect(down.exitCode).toBe(0);
  expect(down.stdout).toMatch(new RegExp(`lab ${lab} removed`));
  expect(labNamespaces(lab)).toEqual([]);
  expect(labMounts(lab)).toEqual([]);
  expect(survivors(footprint.pids)).toEqual([]);
}
