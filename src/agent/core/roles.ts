import type { Role } from '../log/events.js';
import type { AgentContext } from './context.js';
import { runHook } from './hooks.js';

const NOTIFY_TIMEOUT_MS = 30000;

/** Each group's role on this node (keepalived's master/backup/fault), and the notify script run when it changes. */
export class Roles {
  private readonly roles = new Map<string, Role>();

  constructor(private readonly ctx: AgentContext) {}

  set(group: string, role: Role, cause: string): void {
    if (this.roles.get(group) === role) return;
    this.roles.set(group, role);
    const { config, node } = this.ctx;
    const g = config.groups.find((x) => x.name === group)!;
    const cmd = g.notify?.[role] ?? config.notify[role];
    this.ctx.emit({ event: 'role', group, role, cause });
    if (cmd === undefined) return;
    const timeoutMs = g.notify?.timeoutMs ?? config.notify.timeoutMs ?? NOTIFY_TIMEOUT_MS;
    const env = { HACTL_GROUP: group, HACTL_STATE: role, HACTL_NODE: node, HACTL_CLUSTER: config.cluster };
    void runHook(cmd, [group, role.toUpperCase()], env, timeoutMs).then((r) =>
      this.ctx.emit({ event: 'notify', group, role, ok: r.ok, result: r.summary }),
    );
  }
}
