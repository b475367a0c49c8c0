import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { LabSpec } from './spec.js';
import { statePath } from './names.js';

/** A process the lab started; the start time (from /proc/PID/stat) tells a recycled PID from ours. */
export interface TrackedProcess {
  pid: number;
  startTime: string;
  member: string;
  argv: string[];
}

export interface SshdRecord {
  node: string;
  host: string;
  port: number;
  hostKeyPublic: string;
  pid: number;
}

/**
 * Everything the lab created, written *before* each step, so a crash at any point leaves enough to tear down.
 * Writes are synchronous read-modify-write so concurrent updates from one process never interleave.
 */
export interface LabState {
  version: 1;
  name: string;
  spec: LabSpec;
  createdAt: string;
  netns: string[];
  hostMounts: string[];
  processes: TrackedProcess[];
  sshd: SshdRecord[];
  /**
   * hactl's own host paths (package, node binary) bind-mounted read-only into the nodes because a private directory
   * hid them; the mounts live in the nodes' mount namespaces and go with them.
   */
  sharedPaths?: string[];
}

export function readState(lab: string): LabState | undefined {
  const path = statePath(lab);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LabState;
  } catch {
    // A torn write cannot happen (rename is atomic), but a hand-edited file can: treat it as "state lost".
    return undefined;
  }
}

export function writeState(state: LabState): void {
  const path = statePath(state.name);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

export function updateState(lab: string, change: (state: LabState) => void): void {
  const state = readState(lab);
  if (!state) return;
  change(state);
  writeState(state);
}

export function initialState(spec: LabSpec): LabState {
  return {
    version: 1, name: spec.name, spec, createdAt: new Date().toISOString(),
    netns: [], hostMounts: [], processes: [], sshd: [],
  };
}
