import type { ClusterModel } from '../model/model.js';
import type { RenderedFile } from '../render/artifact.js';
import { limiter } from '../transport/limit.js';
import { backupSuffix as dailySuffix } from '../transport/shell.js';
import type { BackupSuffix } from '../transport/transport.js';
import { toFailure, type ApplyFailure } from './errors.js';
import type { ApplyEventHandler } from './events.js';
import { nodeOrder } from './order.js';
import { transportFor, type NodePlan, type ServiceStep, type TransportMap } from './plan.js';
import { platformServices, type ServiceController } from './services.js';
import { applyTargets, type ApplyTarget } from './targets.js';
import { writeTarget, type FileReport } from './write-target.js';

export interface ApplyOptions {
  model: ClusterModel;
  result: { files: readonly RenderedFile[] };
  transports: TransportMap;
  /** nodes worked on at once; default 10 */
  concurrency?: number;
  onEvent?: ApplyEventHandler;
  /** default: the platform's service command; a Map gives a node its own (e.g. the lab's restart hook) */
  services?: ServiceController | ReadonlyMap<string, ServiceController>;
  /** a reason not to touch a service at all (a cluster manager owns it), or undefined */
  skipService?: (service: string) => string | undefined;
  /** default: today's date, the `cp -p file file.YYYYMMDD` name admins of hand-kept clusters already look for */
  backupSuffix?: BackupSuffix;
}

export interface TargetReport {
  node: string;
  scope: 'node' | 'cluster';
  via: string;
  status: 'changed' | 'unchanged' | 'failed' | 'skipped';
  files: FileReport[];
  /** users created */
  users: string[];
  services: ServiceStep[];
  error?: ApplyFailure;
  durationMs: number;
}

export interface ApplyReport {
  ok: boolean;
  changed: boolean;
  nodes: TargetReport[];
  durationMs: number;
}

interface Run {
  opts: ApplyOptions;
  suffix: BackupSuffix;
  emit: ApplyEventHandler;
}

function controllerFor(opts: ApplyOptions, node: string): ServiceController {
  const s = opts.services;
  if (!s) return platformServices;
  return 'run' in s ? (s as ServiceController) : ((s as ReadonlyMap<string, ServiceController>).get(node) ?? platformServices);
}

async function applyTarget(run: Run, target: ApplyTarget, beforeServices: Promise<unknown>): Promise<TargetReport> {
  const started = Date.now();
  const { opts, emit } = run;
  const report: TargetReport = { node: target.node, scope: target.scope, via: target.via, status: 'unchanged', files: [], users: [], services: [], durationMs: 0 };
  emit({ type: 'node-start', node: target.node, via: target.via, files: target.files.length });
  try {
    const transport = transportFor(target, opts.transports);
    const { plan, written, users } = await writeTarget({ target, transport, backupSuffix: run.suffix, emit });
    report.files = written;
    report.users = users;
    await beforeServices;
    await runServices(run, target, plan, transport, report);
    report.status = written.length || users.length ? 'changed' : 'unchanged';
    emit({ type: 'node-done', node: target.node, changed: written.length, services: report.services.length, ...(users.length ? { users: users.length } : {}) });
  } catch (err) {
    report.status = 'failed';
    report.error = toFailure(err);
    emit({ type: 'node-failed', node: target.node, error: report.error });
  }
  report.durationMs = Date.now() - started;
  return report;
}

async function runServices(run: Run, target: ApplyTarget, plan: NodePlan, transport: ReturnType<typeof transportFor>, report: TargetReport): Promise<void> {
  const controller = controllerFor(run.opts, target.via);
  for (const step of plan.services) {
    const owned = run.opts.skipService?.(step.service);
    if (owned) {
      run.emit({ type: 'service-skipped', node: target.node, service: step.service, action: step.action, reason: owned });
      continue;
    }
    // a local directory stands in for the node: the platform's service command would act on this machine instead
    if (!transport.nodeTools && run.opts.services === undefined) {
      run.emit({ type: 'service-skipped', node: target.node, service: step.service, action: step.action, reason: `${transport.target} is not the node` });
      continue;
    }
    await controller.run({ node: target.via, transport, platform: run.opts.model.platform, service: step.service, action: step.action });
    report.services.push(step);
    run.emit({ type: 'service-reloaded', node: target.node, service: step.service, action: step.action });
  }
}

function skipped(run: Run, target: ApplyTarget, message: string): TargetReport {
  const error: ApplyFailure = { code: 'apply-skipped', message };
  run.emit({ type: 'node-failed', node: target.node, error });
  return { node: target.node, scope: target.scope, via: target.via, status: 'skipped', files: [], users: [], services: [], durationMs: 0, error };
}

/**
 * Pushes the rendered files: nodes in parallel (bounded), each written atomically and checked before the swap,
 * services reloaded only for changed files, primaries (keepalived MASTER, preferred node) after everyone else,
 * cluster-wide files last. A failed node is reported, not thrown; the other nodes carry on.
 */
export async function applyStack(opts: ApplyOptions): Promise<ApplyReport> {
  const started = Date.now();
  const run: Run = { opts, suffix: opts.backupSuffix ?? dailySuffix(), emit: opts.onEvent ?? (() => undefined) };
  const targets = applyTargets(opts.model, opts.result.files);
  const nodeTargets = targets.filter((t) => t.scope === 'node');
  const byName = new Map(nodeTargets.map((t) => [t.node, t]));
  const { secondaries, primaries } = nodeOrder(opts.model, nodeTargets.map((t) => t.node));
  const limit = limiter(opts.concurrency ?? 10);

  const secondaryRuns = secondaries.map((n) => limit(() => applyTarget(run, byName.get(n)!, Promise.resolve())));
  const secondariesDone = Promise.allSettled(secondaryRuns);
  const primaryRuns = primaries.map((n) => limit(() => applyTarget(run, byName.get(n)!, secondariesDone)));
  const nodeReports = await Promise.all([...secondaryRuns, ...primaryRuns]);

  const reports = new Map(nodeReports.map((r) => [r.node, r]));
  const ordered: TargetReport[] = nodeTargets.map((t) => reports.get(t.node)!);
  for (const cluster of targets.filter((t) => t.scope === 'cluster')) {
    const failed = nodeReports.filter((r) => r.status === 'failed').map((r) => r.node);
    ordered.push(failed.length
      ? skipped(run, cluster, `cluster-wide files not applied: ${failed.join(', ')} failed`)
      : await applyTarget(run, cluster, Promise.resolve()));
  }
  return {
    ok: ordered.every((r) => r.status !== 'failed' && r.status !== 'skipped'),
    changed: ordered.some((r) => r.files.length > 0 || r.users.length > 0),
    nodes: ordered,
    durationMs: Date.now() - started,
  };
}
