import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from './errors.js';
import { mountsUnder, unmountAll } from './mounts.js';
import { LAB_NAME, NETNS_DIR, labDir, labNetnsPrefix, netnsPath, nsDir } from './names.js';
import { killNamespaceResidents, namespaceKey, stopTracked } from './proc.js';
import { run } from './run.js';
import { readState } from './state.js';

export interface DestroyReport {
  /** false when there was nothing left to remove */
  existed: boolean;
  killed: number[];
  netns: string[];
}

// The prefix is reserved for this lab (lab names contain no '.'), so a namespace carrying it is ours even when
// the state file was lost; that is the only name-based match, and it selects namespaces, never processes.
export function labNamespaces(lab: string, recorded: readonly string[]): string[] {
  const onDisk = existsSync(NETNS_DIR) ? readdirSync(NETNS_DIR).filter((n) => n.startsWith(labNetnsPrefix(lab))) : [];
  return [...new Set([...recorded, ...onDisk])].filter((n) => existsSync(netnsPath(n)));
}

/** Identities of the lab's network namespaces and of its nodes' mount and UTS namespaces. */
export function namespaceKeys(lab: string, netns: readonly string[]): Set<string> {
  const nsFiles = existsSync(nsDir(lab)) ? readdirSync(nsDir(lab)).map((f) => join(nsDir(lab), f)) : [];
  return new Set([...netns.map(netnsPath), ...nsFiles].map(namespaceKey).filter((k): k is string => k !== undefined));
}

/**
 * Removes everything a lab made, from its state file and reserved names alone: safe after a crash, on a lab
 * that was never fully built, and a second time (a no-op).
 */
export async function destroyLab(name: string): Promise<DestroyReport> {
  if (!LAB_NAME.test(name)) throw new LabError('lab-spec-invalid', `'${name}' is not a lab name`);
  const state = readState(name);
  const netns = labNamespaces(name, state?.netns ?? []);
  const dir = labDir(name);
  const existed = netns.length > 0 || existsSync(dir);

  const stopped = await stopTracked(state?.processes ?? [], 2_000);
  const { killed, survivors } = await killNamespaceResidents(namespaceKeys(name, netns), 5_000);

  await unmountAll(mountsUnder(dir));
  if (netns.length > 0) {
    await run(['ip', '-force', '-batch', '-'], { input: `${netns.map((n) => `netns delete ${n}`).join('\n')}\n`, allowFailure: true });
  }

  const leftMounts = mountsUnder(dir);
  const leftNetns = labNamespaces(name, []);
  if (leftMounts.length > 0 || leftNetns.length > 0 || survivors.length > 0) {
    throw new LabError('lab-cleanup-incomplete',
      `lab ${name}: still present after destroy: ${[...leftMounts, ...leftNetns, ...survivors.map((p) => `pid ${p}`)].join(', ')}`);
  }
  // Only once nothing is mounted below it: a recursive delete must never walk into a mount.
  rmSync(dir, { recursive: true, force: true });
  return { existed, killed: [...new Set([...stopped, ...killed])], netns };
}
