import { execFileSync } from 'node:child_process';

/** Under CI=true a missing tool or privilege fails the test; locally it skips with a reason. */
export const inCI = process.env.CI === 'true';

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function hasTool(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns a reason to skip, or undefined when everything is present.
 * Throws under CI so a missing install step turns the run red instead of silently skipping.
 */
export function missing(opts: { root?: boolean; tools?: string[] }): string | undefined {
  const gaps: string[] = [];
  if (opts.root && !isRoot()) gaps.push('root');
  for (const tool of opts.tools ?? []) if (!hasTool(tool)) gaps.push(tool);
  if (gaps.length === 0) return undefined;
  const reason = `needs ${gaps.join(', ')}`;
  if (inCI) throw new Error(`CI=true but this test ${reason}: install it in .ci/run`);
  return reason;
}
