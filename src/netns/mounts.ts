import { readFileSync } from 'node:fs';
import { run } from './run.js';

// mountinfo escapes space, tab, newline and backslash as \ooo.
const unescape = (field: string): string => field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));

/** Mount points of this process's mount namespace at or below `dir`, deepest first. */
export function mountsUnder(dir: string): string[] {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((field): field is string => field !== undefined)
    .map(unescape)
    .filter((target) => target === dir || target.startsWith(prefix))
    .sort((a, b) => b.length - a.length);
}

/** Lazy unmount: a mount point nobody uses goes at once, a busy one as soon as it is released. */
export async function unmountAll(targets: readonly string[]): Promise<void> {
  if (targets.length === 0) return;
  await run(['umount', '--lazy', ...targets], { allowFailure: true, timeoutMs: 10_000 });
}
