import { existsSync, readdirSync } from 'node:fs';
import { labNamespaces, namespaceKeys } from './destroy-lab.js';
import { mountsUnder } from './mounts.js';
import { LAB_BASE_DIR, LAB_NAME, NETNS_DIR, labDir, statePath } from './names.js';
import { isRunning, processesInNamespaces } from './proc.js';
import { readState } from './state.js';

export interface LabSummary {
  name: string;
  /** 'missing' or 'unreadable': what is left can only be found by the lab's reserved names */
  state: 'intact' | 'missing' | 'unreadable';
  createdAt?: string;
  nodes: string[];
  clients: string[];
  /** network namespaces present now (recorded or carrying the lab's prefix) */
  netns: string[];
  /** processes running now: the lab's tracked daemons and anything else living in its namespaces */
  processes: number[];
  /** host mount points at or below the lab's directory */
  mounts: string[];
  /** something of the lab is left but no intact state file describes it */
  orphaned: boolean;
}

// 'hactl-<lab>.<member>': lab names never contain '.', so the lab is everything between the prefix and the first dot.
function labOfNetns(netns: string): string | undefined {
  const match = /^hactl-([^.]+)\./.exec(netns);
  return match && LAB_NAME.test(match[1]!) ? match[1] : undefined;
}

/** Every lab that left a trace on this machine: a directory under the lab base dir or a namespace with a lab prefix. */
export function labNames(): string[] {
  const fromDirs = existsSync(LAB_BASE_DIR) ? readdirSync(LAB_BASE_DIR).filter((n) => LAB_NAME.test(n)) : [];
  const fromNetns = existsSync(NETNS_DIR) ? readdirSync(NETNS_DIR).flatMap((n) => labOfNetns(n) ?? []) : [];
  return [...new Set([...fromDirs, ...fromNetns])].sort();
}

/** What one lab has on this machine right now, found the same way destroy finds it. */
export function describeLab(name: string): LabSummary {
  const state = readState(name);
  const stateStatus = state ? 'intact' : existsSync(statePath(name)) ? 'unreadable' : 'missing';
  const netns = labNamespaces(name, state?.netns ?? []);
  const residents = processesInNamespaces(namespaceKeys(name, netns));
  const tracked = (state?.processes ?? []).filter(isRunning).map((p) => p.pid);
  const mounts = mountsUnder(labDir(name));
  return {
    name,
    state: stateStatus,
    ...(state ? { createdAt: state.createdAt } : {}),
    nodes: state?.spec.nodes.map((n) => n.name) ?? [],
    clients: state?.spec.clients?.map((c) => c.name) ?? [],
    netns,
    processes: [...new Set([...tracked, ...residents])].sort((a, b) => a - b),
    mounts,
    orphaned: stateStatus !== 'intact' && (netns.length > 0 || mounts.length > 0 || existsSync(labDir(name))),
  };
}

export function listLabs(): LabSummary[] {
  return labNames().map(describeLab);
}
