import type { RenderedFile } from '../render/artifact.js';
import type { BackupSuffix, CommitResult, StagedFile, Transport } from '../transport/transport.js';
import { ApplyError } from './errors.js';
import type { ApplyEventHandler } from './events.js';
import { writeOrder } from './order.js';
import { conflicts, planTarget, type NodePlan, type PlannedFile } from './plan.js';
import { redactSecretWords } from './redact.js';
import { checkOnNode, hasNodeCheck } from './check-on-node.js';
import type { ApplyTarget } from './targets.js';
import { createUsers, refuseUserClashes, type UserPlan } from './users.js';

export interface FileReport {
  path: string;
  action: 'create' | 'update';
  changes: PlannedFile['changes'];
  backup?: string;
  /** the tool that checked the temp file, when one could */
  checkedBy?: string;
}

export interface WriteContext {
  target: ApplyTarget;
  transport: Transport;
  backupSuffix: BackupSuffix;
  emit: ApplyEventHandler;
}

const MAX_TOOL_LINES = 12;

function toolComplaint(output: string, staged: StagedFile, file: RenderedFile): string {
  const named = output.split(staged.tmpPath).join(file.path);
  const text = file.secret ? redactSecretWords(named, file.content) : named;
  return text.split('\n').slice(-MAX_TOOL_LINES).join('\n');
}

async function rollbackAll(ctx: WriteContext, committed: { path: string; commit: CommitResult }[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { path, commit } of [...committed].reverse()) {
    try {
      await ctx.transport.rollback(path, commit);
      ctx.emit({ type: 'file-rolled-back', node: ctx.target.node, path });
    } catch (err) {
      problems.push(`${path}: ${(err as Error).message}`);
    }
  }
  return problems;
}

async function writeOne(ctx: WriteContext, planned: PlannedFile, file: RenderedFile): Promise<{ commit: CommitResult; checkedBy?: string }> {
  const { transport, target } = ctx;
  const attrs = { mode: planned.mode, owner: file.owner };
  if (!hasNodeCheck(file.checker, file.path)) return { commit: await transport.writeFileAtomic(file.path, file.content, attrs, { backupSuffix: ctx.backupSuffix }) };
  const staged = await transport.stageFile(file.path, file.content, attrs);
  let checkedBy: string | undefined;
  try {
    const outcome = await checkOnNode(transport, file.checker, staged.tmpPath);
    if (outcome?.result === 'failed') {
      throw new ApplyError('apply-check-failed', target.node,
        `${target.node}: ${outcome.tool} rejected ${file.path}:\n${toolComplaint(outcome.output, staged, file)}`, { path: file.path, tool: outcome.tool });
    }
    if (outcome) {
      ctx.emit({ type: 'file-checked', node: target.node, path: file.path, tool: outcome.tool, result: outcome.result, ...(outcome.result === 'skipped' ? { reason: outcome.reason } : {}) });
      if (outcome.result === 'ok') checkedBy = outcome.tool;
    }
    return { commit: await transport.commitStaged(staged, { backupSuffix: ctx.backupSuffix }), ...(checkedBy ? { checkedBy } : {}) };
  } catch (err) {
    await transport.discardStaged(staged).catch(() => undefined);
    throw err;
  }
}

// Checked before the first write, so a node with a conflict is left exactly as it was.
function refuseConflicts(target: ApplyTarget, plan: NodePlan): void {
  const refused = conflicts(plan);
  if (refused.length === 0) return;
  throw new ApplyError('apply-path-conflict', target.node,
    `${target.node}: nothing written, hactl will not touch ${refused.map((f) => `${f.path} (${f.conflict!.reason})`).join('; ')}`,
    { path: refused[0]!.path });
}

async function ensureTargetUsers(ctx: WriteContext, users: readonly UserPlan[]): Promise<string[]> {
  const { target, emit } = ctx;
  for (const u of users) if (u.action === 'unchecked') emit({ type: 'user-skipped', node: target.node, user: u.name, reason: u.reason ?? '' });
  return createUsers(target.node, users, ctx.transport, (u) => emit({ type: 'user-created', node: target.node, user: u.name, ...(u.uid === undefined ? {} : { uid: u.uid }) }));
}

/**
 * Brings a target in line: refused whole on a path conflict or a user clash; then the missing users (files may
 * belong to them); then the changed files one by one: stage, check with the node's tool, rename into place. Any
 * failure puts the files already swapped back from their backups, then rethrows naming node, file and tool.
 */
export async function writeTarget(ctx: WriteContext): Promise<{ plan: NodePlan; written: FileReport[]; users: string[] }> {
  const { transport, target } = ctx;
  const { plan, pairs } = await planTarget(target, transport, { removeTemp: true });
  refuseConflicts(target, plan);
  refuseUserClashes(target.node, plan.users);
  const users = await ensureTargetUsers(ctx, plan.users);
  const committed: { path: string; commit: CommitResult }[] = [];
  const written: FileReport[] = [];
  try {
    for (const { planned, file } of writeOrder(pairs.filter((p) => p.planned.action !== 'unchanged'))) {
      const action = planned.action === 'create' ? 'create' : 'update';
      const { commit, checkedBy } = await writeOne(ctx, planned, file);
      committed.push({ path: file.path, commit });
      written.push({ path: file.path, action, changes: planned.changes, ...commit, ...(checkedBy ? { checkedBy } : {}) });
      ctx.emit({ type: 'file-written', node: target.node, path: file.path, action, ...commit });
    }
  } catch (err) {
    const problems = await rollbackAll(ctx, committed);
    if (problems.length === 0) throw err;
    throw new ApplyError('apply-rollback-failed', target.node,
      `${(err as Error).message}\n${target.node}: rolling back failed too, the node holds a mix of old and new files: ${problems.join('; ')}`,
      { ...(err instanceof ApplyError && err.path ? { path: err.path } : {}), ...(err instanceof ApplyError && err.tool ? { tool: err.tool } : {}), cause: err });
  }
  return { plan, written, users };
}
