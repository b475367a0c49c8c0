import type { AdminEntry, AdminValue } from '../protocol/report.js';

/** The operator's intent, as every node sees it once the registers converged. */
export interface AdminView {
  standby: ReadonlySet<string>;
  /** group -> node it was moved to (crm resource move). */
  moves: ReadonlyMap<string, string>;
  /** Groups stopped cluster-wide (on-fail=stop). */
  disabled: ReadonlySet<string>;
}

export type AdminKey = `standby:${string}` | `move:${string}` | `disable:${string}` | `cleanup:${string}`;

function newer(a: AdminEntry, b: AdminEntry): boolean {
  return a.version > b.version || (a.version === b.version && a.origin > b.origin);
}

/**
 * Last-writer-wins registers with a Lamport clock: any node may take a command, every node carries all
 * registers in its heartbeats, and the newest write of each key wins everywhere.
 */
export class AdminState {
  private readonly entries = new Map<string, AdminEntry>();
  private clock = 0;

  constructor(private readonly origin: string) {}

  set(key: AdminKey, value: AdminValue): AdminEntry {
    this.clock += 1;
    const entry: AdminEntry = { key, version: this.clock, origin: this.origin, value };
    this.entries.set(key, entry);
    return entry;
  }

  /** Returns the entry when it replaced ours (so side effects such as cleanup can run once). */
  merge(entry: AdminEntry): AdminEntry | undefined {
    this.clock = Math.max(this.clock, entry.version);
    const mine = this.entries.get(entry.key);
    if (mine !== undefined && !newer(entry, mine)) return undefined;
    this.entries.set(entry.key, entry);
    return entry;
  }

  list(): AdminEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  view(): AdminView {
    const standby = new Set<string>();
    const moves = new Map<string, string>();
    const disabled = new Set<string>();
    for (const e of this.entries.values()) {
      const [kind, name] = splitKey(e.key);
      if (kind === 'standby' && e.value === true) standby.add(name);
      else if (kind === 'move' && typeof e.value === 'string') moves.set(name, e.value);
      else if (kind === 'disable' && e.value === true) disabled.add(name);
    }
    return { standby, moves, disabled };
  }
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}
