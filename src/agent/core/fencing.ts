import type { AgentContext } from './context.js';
import { runHook } from './hooks.js';

const RETRY_MS = 5000;

/** Runs the fencing hook once per target incarnation (node@generation); without a hook, only logs. */
export class Fencer {
  private readonly fenced = new Set<string>();
  private readonly running = new Set<string>();

  /** `generationOf` gives a node's current generation, so a target that rebooted is fenced anew. */
  constructor(
    private readonly ctx: AgentContext,
    private readonly generationOf: (node: string) => number,
  ) {}

  isFenced(node: string): boolean {
    return this.fenced.has(this.key(node));
  }

  fence(target: string, reason: string): void {
    const key = this.key(target);
    if (this.fenced.has(key) || this.running.has(key)) return;
    const { config, node } = this.ctx;
    const f = config.fencing;
    if (!f) {
      this.fenced.add(key);
      this.ctx.emit({ event: 'fence-skipped', target, cause: reason });
      return;
    }
    this.running.add(key);
    this.ctx.emit({ event: 'fence', target, cause: reason });
    const env = { HACTL_FENCE_NODE: target, HACTL_FENCE_REASON: reason, HACTL_CLUSTER: config.cluster, HACTL_NODE: node };
    void runHook(f.command, [target], env, f.timeoutMs).then((r) => {
      this.running.delete(key);
      if (r.ok) this.fenced.add(key);
      this.ctx.emit({ event: 'fence-result', target, ok: r.ok, result: r.summary });
      if (!r.ok && !this.ctx.isClosed()) setTimeout(() => this.ctx.scheduleReconcile(), RETRY_MS).unref();
      this.ctx.scheduleReconcile();
    });
  }

  private key(node: string): string {
    return `${node}@${this.generationOf(node)}`;
  }
}
