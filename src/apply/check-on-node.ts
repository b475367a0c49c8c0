import { checkerFor } from '../tool-check/registry.js';
import type { Transport } from '../transport/transport.js';

const NOT_INSTALLED = 127;

/** Whether the file's checker can judge it on the node (its tool judges one file alone, and this kind of file). */
export function hasNodeCheck(checker: string | undefined, targetPath: string): boolean {
  const check = checkerFor(checker)?.onNode;
  return check !== undefined && (check.judges?.(targetPath) ?? true);
}

export type CheckOutcome =
  | { result: 'ok'; tool: string }
  | { result: 'skipped'; tool: string; reason: string }
  | { result: 'failed'; tool: string; output: string };

/** Runs the node's own tool on the staged temp file (a path as the transport's commands see it). */
export async function checkOnNode(transport: Transport, checker: string | undefined, tmpPath: string): Promise<CheckOutcome | undefined> {
  const check = checkerFor(checker)?.onNode;
  if (!check) return undefined;
  if (!transport.nodeTools) return { result: 'skipped', tool: check.tool, reason: `${transport.target} is not the node itself: \`hactl check\` judges the files` };
  const r = await transport.exec(
    `PATH="$PATH:/usr/sbin:/sbin"; command -v ${check.binary} >/dev/null 2>&1 || exit ${NOT_INSTALLED}; ${check.command(tmpPath)} 2>&1`,
  );
  if (r.code === 0) return { result: 'ok', tool: check.tool };
  if (r.code === NOT_INSTALLED && !r.stdout.trim()) return { result: 'skipped', tool: check.tool, reason: `${check.binary} is not installed on ${transport.node}` };
  if (check.unsupported?.test(r.stdout)) return { result: 'skipped', tool: check.tool, reason: `this ${check.binary} cannot check a file by path` };
  return { result: 'failed', tool: check.tool, output: r.stdout.trim() || r.stderr.trim() || `exit ${r.code}` };
}
