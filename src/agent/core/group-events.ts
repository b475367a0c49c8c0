import type { FailureEvent } from '../manager/group-runner.js';
import type { GroupRunState } from '../protocol/report.js';
import type { AdminRegisters } from './admin.js';
import type { AgentContext } from './context.js';
import type { Fencer } from './fencing.js';
import type { Reconciler } from './reconcile.js';
import type { Roles } from './roles.js';

/** What a group's runner reports on this node: state changes set its role, failures escalate as on-fail says. */
export class GroupEvents {
  constructor(
    private readonly ctx: AgentContext,
    private readonly roles: Roles,
    private readonly admin: AdminRegisters,
    private readonly fencer: Fencer,
    private readonly reconciler: Reconciler,
  ) {}

  onState(group: string, from: GroupRunState, to: GroupRunState, cause: string): void {
    this.ctx.emit({ event: 'group-state', group, from, to, cause });
    if (to === 'running') this.roles.set(group, 'master', cause);
    if (to === 'stopped' && this.reconciler.decisions.get(group)?.target !== this.ctx.node) this.roles.set(group, 'backup', cause);
    this.ctx.markDirty();
    this.ctx.scheduleReconcile();
  }

  onFailure(e: FailureEvent): void {
    const self = this.ctx.node;
    this.ctx.emit({ event: 'resource-failure', group: e.group, resource: e.resource, op: e.op, onFail: e.onFail, failCount: e.count, cause: e.reason });
    this.roles.set(e.group, 'fault', `${e.op} of ${e.resource} failed`);
    if (e.onFail === 'standby' || e.onFail === 'fence') this.admin.set(`standby:${self}`, true, `on-fail=${e.onFail} of ${e.resource}`);
    if (e.onFail === 'fence') this.fencer.fence(self, `${e.op} of ${e.resource} failed (on-fail=fence)`);
    if (e.onFail === 'stop') this.admin.set(`disable:${e.group}`, true, `on-fail=stop of ${e.resource}`);
  }
}
