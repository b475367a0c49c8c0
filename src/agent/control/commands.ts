import type { AgentConfig } from '../config/index.js';
import type { ControlRequest, IsActiveResult } from './protocol.js';
import { ControlFailure } from './server.js';
import type { GroupRunner } from '../manager/group-runner.js';
import type { AdminKey } from '../placement/admin.js';
import type { AdminValue } from '../protocol/report.js';
import type { AgentStatus } from '../status/status.js';

export interface CommandContext {
  config: AgentConfig;
  node: string;
  runners: ReadonlyMap<string, GroupRunner>;
  disabled(): ReadonlySet<string>;
  setAdmin(key: AdminKey, value: AdminValue, cause: string): void;
  status(): AgentStatus;
}

/** The control socket's verbs, as crmsh has them; operator intent becomes replicated admin registers. */
export async function handleControl(ctx: CommandContext, req: ControlRequest): Promise<unknown> {
  const requireNode = (node: string): void => {
    if (!ctx.config.nodes.some((n) => n.name === node)) throw new ControlFailure('unknown-node', `no node named "${node}"`);
  };
  const requireGroup = (group: string): GroupRunner => {
    const r = ctx.runners.get(group);
    if (!r) throw new ControlFailure('unknown-group', `no group named "${group}"`);
    return r;
  };
  switch (req.cmd) {
    case 'status':
      return ctx.status();
    case 'standby':
    case 'online':
      requireNode(req.node);
      ctx.setAdmin(`standby:${req.node}`, req.cmd === 'standby', `${req.cmd} via control socket`);
      return { node: req.node, standby: req.cmd === 'standby' };
    case 'move':
      requireGroup(req.group);
      requireNode(req.node);
      ctx.setAdmin(`move:${req.group}`, req.node, 'move via control socket');
      return { group: req.group, node: req.node };
    case 'unmove':
      requireGroup(req.group);
      ctx.setAdmin(`move:${req.group}`, null, 'unmove via control socket');
      return { group: req.group };
    case 'stop':
    case 'start':
      // crm resource stop/start: the group stays stopped everywhere (target-role Stopped) until started again
      requireGroup(req.group);
      ctx.setAdmin(`disable:${req.group}`, req.cmd === 'stop', `${req.cmd} via control socket`);
      return { group: req.group, disabled: req.cmd === 'stop' };
    case 'cleanup': {
      if (req.node !== undefined) requireNode(req.node);
      const resource = req.resource;
      const groups = [...ctx.runners.values()].filter((r) => resource === undefined || r.group.name === resource || r.has(resource));
      if (groups.length === 0) throw new ControlFailure('unknown-resource', `no group or resource named "${resource}"`);
      const names = resource === undefined ? ctx.config.groups.map((g) => g.name) : [resource];
      for (const name of names) ctx.setAdmin(`cleanup:${name}`, { node: req.node ?? null }, 'cleanup via control socket');
      // on-fail=stop disabled the group cluster-wide; crm resource cleanup is how it comes back.
      for (const r of groups) if (ctx.disabled().has(r.group.name)) ctx.setAdmin(`disable:${r.group.name}`, false, 'cleanup re-enables');
      return { resource: resource ?? null, node: req.node ?? null };
    }
    case 'is-active': {
      const r = requireGroup(req.group);
      const result: IsActiveResult = { group: req.group, node: ctx.node, active: r.state === 'running', state: r.state };
      return result;
    }
  }
}
