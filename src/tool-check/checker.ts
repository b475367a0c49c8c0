import type { CheckerId, RenderedFile } from '../render/artifact.js';
import type { ClusterModel } from '../model/model.js';

export interface CheckResult {
  node: string;
  path: string;
  ok: boolean;
  /** the real tool that judged the file, e.g. `keepalived -t` */
  tool: string;
  /** the tool's own complaint when the file is rejected, or why it could not run */
  message?: string;
  /** the tool is not installed: never a silent pass */
  missingTool?: string;
}

export interface CheckContext {
  model: ClusterModel;
  /** a private scratch directory for this checker run, removed afterwards */
  workDir: string;
  /** every rendered file of the stack, for checkers that need neighbours (e.g. haresources next to ha.cf) */
  allFiles: readonly RenderedFile[];
}

/** Runs a real tool over the files rendered for it; one result per file. */
export interface Checker {
  id: CheckerId;
  /** binaries it needs, with the Debian package that brings each */
  tools: { binary: string; apt: string }[];
  check(files: readonly RenderedFile[], context: CheckContext): Promise<CheckResult[]>;
}

/** One file after the other: the tools share scratch space and namespaces are cheaper made in sequence on 2 cores. */
export async function checkEach(
  files: readonly RenderedFile[],
  checkFile: (file: RenderedFile, index: number) => Promise<CheckResult> | CheckResult,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const [index, file] of files.entries()) results.push(await checkFile(file, index));
  return results;
}

/** What running a tool in a throw-away namespace needs besides the tool itself. */
export const NAMESPACE_TOOLS = [
  { binary: 'ip', apt: 'iproute2' },
  { binary: 'unshare', apt: 'util-linux' },
] as const;
