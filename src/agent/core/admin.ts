import type { GroupRunner } from '../manager/group-runner.js';
import { AdminState, splitKey, type AdminKey, type AdminView } from '../placement/admin.js';
import type { AdminEntry, AdminValue } from '../protocol/report.js';
import type { AgentContext } from './context.js';
import { loadState, saveState } from './persist.js';

const PERSIST_DELAY_MS = 200;

/**
 * The operator's intent (standby, move, cleanup, disable) as replicated registers: set here through the control
 * socket or by on-fail escalation, adopted from peers' reports, and kept across restarts in the state directory.
 */
export class AdminRegisters {
  private readonly state: AdminState;
  private persistTimer?: NodeJS.Timeout;

  constructor(
    private readonly ctx: AgentContext,
    private readonly runners: ReadonlyMap<string, GroupRunner>,
    private readonly stateDir: string | undefined,
    private readonly generation: () => number,
  ) {
    this.state = new AdminState(ctx.node);
  }

  /** Takes back the registers saved before a restart; returns the generation saved with them. */
  async restore(): Promise<number | undefined> {
    const persisted = this.stateDir ? await loadState(this.stateDir) : undefined;
    for (const e of persisted?.admin ?? []) this.state.merge(e);
    return persisted?.generation;
  }

  view(): AdminView {
    return this.state.view();
  }

  list(): AdminEntry[] {
    return this.state.list();
  }

  set(key: AdminKey, value: AdminValue, cause: string): void {
    const e = this.state.set(key, value);
    this.ctx.emit({ event: 'admin', register: key, value, version: e.version, cause });
    this.onAdopted(e);
    this.ctx.markDirty();
    this.persistSoon();
    this.ctx.scheduleReconcile();
  }

  /** A peer's registers: newer writes win, and the ones taken over here have their side effects here too. */
  adopt(entries: readonly AdminEntry[]): void {
    let changed = false;
    for (const e of entries) {
      const adopted = this.state.merge(e);
      if (adopted) {
        changed = true;
        this.onAdopted(adopted);
      }
    }
    if (changed) {
      this.ctx.markDirty();
      this.persistSoon();
    }
  }

  persistSoon(delay = PERSIST_DELAY_MS): void {
    if (!this.stateDir || this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      void this.persistNow();
    }, delay);
  }

  async persistNow(): Promise<void> {
    if (!this.stateDir) return;
    try {
      await saveState(this.stateDir, { generation: this.generation(), admin: this.state.list() });
    } catch (err) {
      this.ctx.emit({ event: 'persist-failed', err: (err as Error).message });
    }
  }

  stop(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
  }

  /** Cleanup runs once per write, on the node it names (or everywhere). */
  private onAdopted(e: AdminEntry): void {
    const [kind, name] = splitKey(e.key);
    if (kind !== 'cleanup' || typeof e.value !== 'object' || e.value === null) return;
    const node = e.value.node;
    if (node !== null && node !== this.ctx.node) return;
    const group = this.runners.get(name);
    for (const r of this.runners.values()) {
      if (group === r) void r.cleanup();
      else if (group === undefined && r.has(name)) void r.cleanup(name);
    }
    this.ctx.emit({ event: 'cleanup', node: this.ctx.node, resource: name, origin: e.origin });
  }
}
