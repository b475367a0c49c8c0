import type { ClusterModel } from '../model/model.js';
import type { RenderedFile } from '../render/artifact.js';

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

/** How `apply` has the node's own copy of the tool judge a staged file before it replaces the live one. */
export interface NodeCheck {
  /** as reports name it, e.g. `keepalived -t` */
  tool: string;
  /** looked up on the node first: a node without it skips the check instead of failing */
  binary: string;
  /** the shell command for the staged file's path as the node sees it */
  command: (path: string) => string;
  /** output meaning this version cannot check a given path (e.g. corosync 1.x has no -c) */
  unsupported?: RegExp;
  /** the target paths it judges, when the checker's files are not all configs of the tool (corosync's authkey) */
  judges?: (targetPath: string) => boolean;
}

/**
 * Everything hactl knows about one kind of file's real tool: how `hactl check` runs it here, how `apply` runs it on
 * the node, and where the file goes in apply's write order. Rendered files name their checker by `id`.
 */
export interface Checker<Id extends string = string> {
  id: Id;
  /** binaries it needs, with the Debian package that brings each */
  tools: { binary: string; apt: string }[];
  check(files: readonly RenderedFile[], context: CheckContext): Promise<CheckResult[]>;
  /**
   * The tool judges the file against what is already in place (keepalived -e fails on a missing include,
   * haresources needs ha.cf): apply writes it after the scripts and plain files it may name.
   */
  writeLast: boolean;
  /**
   * Only for tools that judge one file alone; heartbeat, crmsh and drbd configs need a running cluster or matching
   * hostnames, and `hactl check` covers them before apply.
   */
  onNode?: NodeCheck;
}

/** Keeps the checker's id as a literal type, so the registry's ids form the CheckerId union. */
export function defineChecker<const Id extends string>(checker: Checker<Id>): Checker<Id> {
  return checker;
}

// keepalived before 2.0 (CentOS 6) has no -t; corosync before 3.0 no -c.
export const OLD_OPTIONS = /invalid option --|unrecognized option '|Unknown option -/;

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
