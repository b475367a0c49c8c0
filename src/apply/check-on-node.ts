import type { RenderedFile } from '../render/artifact.js';
import type { NodeCheck } from '../tool-check/checker.js';
import { checkerFor } from '../tool-check/registry.js';
import type { Transport } from '../transport/transport.js';

const NOT_INSTALLED = 127;

function nodeCheckOf(file: Pick<RenderedFile, 'checker' | 'path'>): NodeCheck | undefined {
  const check = checkerFor(file.checker)?.onNode;
  return check && (check.judges?.(file.path) ?? true) ? check : undefined;
}

/** Whether the file's checker can judge it on the node (its tool judges one file alone). */
export const hasNodeCheck = (file: Pick<RenderedFile, 'checker' | 'path'>): boolean => nodeCheckOf(file) !== undefined;

export type CheckOutcome =
  | { result: 'ok'; tool: string }
  | { result: 'skipped'; tool: string; reason: string }
  | { result: 'failed'; tool: string; output: string };

/** Runs the node's own tool on the staged temp file (a path as the transport's commands see it). */
export async function checkOnNode(transport: Transport, file: Pick<RenderedFile, 'checker' | 'path'>, tmpPath: string): Promise<CheckOutcome | undefined> {
  const check = nodeCheckOf(file);
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
