import type { Command } from '../config/index.js';
import { runCommand, summarize } from '../resources/command.js';

/** A shell string gets the arguments as "$@" (keepalived passes notify arguments the same way). */
function withArgs(cmd: Command, args: string[]): string[] {
  return typeof cmd === 'string' ? ['/bin/sh', '-c', `${cmd} "$@"`, 'hactl-hook', ...args] : [...cmd, ...args];
}

export interface HookResult {
  ok: boolean;
  summary: string;
}

/** Notify and fencing scripts: never throw, report what happened. */
export async function runHook(cmd: Command, args: string[], env: Record<string, string>, timeoutMs: number): Promise<HookResult> {
  const r = await runCommand(withArgs(cmd, args), { timeoutMs, env });
  return { ok: r.code === 0 && !r.timedOut, summary: summarize(r) };
}
