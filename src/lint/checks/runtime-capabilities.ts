import { error, type Diagnostic } from '../../diagnostics/index.js';
import type { ClusterModel, PrimitiveModel } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';
import type { Check } from '../check.js';

const unsupported = (model: ClusterModel, path: string, feature: string, instead?: string) =>
  error('runtime-unsupported', path, `${feature}: runtime ${model.runtime} cannot express this`, instead);

/** keepalived only moves addresses: VIPs belong in vrrp[].vips, service checks in track scripts. */
function keepalivedLimits(model: ClusterModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of model.resources) {
    if (entry.kind === 'group') {
      out.push(unsupported(model, `${entry.path}.group`, `resource group '${entry.name}' (ordered services)`, 'put VIPs in vrrp[].vips and check services with keepalived track scripts, or use pacemaker / agent'));
    } else if (entry.kind === 'vip') {
      out.push(unsupported(model, `${entry.path}.vip`, `VIP resource ${entry.ip}`, 'put the address in vrrp[].vips'));
    } else {
      out.push(unsupported(model, `${entry.path}.${entry.kind}`, `${entry.kind} resource '${entry.name}'`, 'keepalived runs no services: use a track script, or pacemaker / agent'));
    }
  }
  for (const c of model.constraints) out.push(unsupported(model, c.path, `${c.type} constraint '${c.id}'`));
  model.drbd.forEach((d) => out.push(unsupported(model, d.path, `DRBD resource '${d.name}' (promote/demote)`)));
  if (Object.keys(model.properties).length) out.push(unsupported(model, 'properties', 'cluster properties'));
  return out;
}

/** The monitors hactl can generate as a heartbeat v1 respawn script (heartbeat v1 watches no service itself). */
const respawnMonitors = new Set(['memcached', 'http', 'tcp', 'process']);

function heartbeatOpLimits(model: ClusterModel, p: PrimitiveModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (p.kind === 'drbd') out.push(unsupported(model, `${p.path}.drbd`, `master/slave DRBD '${p.name}'`, 'use pacemaker (as stacks/003-drbd-heartbeat-crm.yaml does) or the agent'));
  for (const op of p.ops) {
    const path = `${p.path}.${op.name}`;
    if (op.name !== 'monitor') {
      if (op.onFail) out.push(unsupported(model, `${path}.onFail`, `onFail on the ${op.name} op of '${p.name}'`, 'haresources has no per-operation failure policy: drop onFail'));
      continue;
    }
    if (!p.monitor?.check || !respawnMonitors.has(p.monitor.check)) {
      out.push(unsupported(model, path, `monitor op of '${p.name}' without kind memcached, http, tcp or process`, 'haresources has no monitor ops; hactl generates a respawn monitor for those kinds only'));
    }
    if (op.onFail && op.onFail !== 'standby') {
      out.push(unsupported(model, `${path}.onFail`, `monitor onFail ${op.onFail} of '${p.name}'`, 'the generated respawn monitor can only hand over (hb_standby): use onFail: standby'));
    }
  }
  if (p.migrationThreshold !== undefined) out.push(unsupported(model, `${p.path}.migrationThreshold`, 'migration-threshold'));
  if (p.failureTimeoutMs !== undefined) out.push(unsupported(model, `${p.path}.failureTimeout`, 'failure-timeout'));
  if (Object.keys(p.meta).length) out.push(unsupported(model, `${p.path}.meta`, 'resource meta attributes'));
  return out;
}

/** heartbeat v1 reads haresources: ordered groups on a preferred node, nothing else. */
function heartbeatLimits(model: ClusterModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of model.constraints) {
    out.push(error('heartbeat-v1-constraints', c.path, `${c.type} constraint '${c.id}': heartbeat v1 (haresources) has no constraints`));
  }
  for (const entry of model.resources) {
    if (entry.kind !== 'group') continue;
    if (entry.migrationThreshold !== undefined) out.push(unsupported(model, `${entry.path}.migrationThreshold`, 'migration-threshold'));
    if (entry.failureTimeoutMs !== undefined) out.push(unsupported(model, `${entry.path}.failureTimeout`, 'failure-timeout'));
  }
  for (const p of allPrimitives(model)) out.push(...heartbeatOpLimits(model, p));
  if (Object.keys(model.properties).length) out.push(unsupported(model, 'properties', 'cluster properties'));
  return out;
}

/** The agent places whole groups: its colocations and orders know no roles or actions besides start. */
function agentLimits(model: ClusterModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of model.constraints) {
    if (c.type === 'location' && c.role && c.role !== 'started') out.push(unsupported(model, `${c.path}.location.role`, `location role ${c.role}`));
    if (c.type === 'colocation' && c.withRole && c.withRole !== 'started') out.push(unsupported(model, `${c.path}.colocation.withRole`, `colocation withRole ${c.withRole}`));
    if (c.type === 'order') {
      if (c.firstAction !== 'start') out.push(unsupported(model, `${c.path}.order.firstAction`, `order action ${c.firstAction}`));
      if (c.thenAction !== 'start') out.push(unsupported(model, `${c.path}.order.thenAction`, `order action ${c.thenAction}`));
      if (c.kind === 'Serialize') out.push(unsupported(model, `${c.path}.order.kind`, 'Serialize orders'));
    }
  }
  return out;
}

/** Group notify scripts are keepalived/agent events; pacemaker and haresources have nothing to hang them on. */
function groupNotify(model: ClusterModel): Diagnostic[] {
  if (model.runtime !== 'heartbeat' && model.runtime !== 'pacemaker') return [];
  return model.resources.flatMap((g) =>
    g.kind === 'group' && Object.values(g.notify).some((v) => v !== undefined)
      ? [unsupported(model, `${g.path}.notify`, `notify scripts of group '${g.name}'`, 'notify scripts run under the agent or keepalived')]
      : [],
  );
}

/** What the platform's packages cannot run: Pacemaker 2 (debian12) dropped heartbeat messaging; pm_extras is CentOS-only. */
function platformLimits(model: ClusterModel): Diagnostic[] {
  if (model.platform !== 'debian12') return [];
  const out: Diagnostic[] = [];
  if (model.runtime === 'pacemaker' && model.pacemaker?.messaging === 'heartbeat') {
    out.push(unsupported(model, 'pacemaker.messaging', 'pacemaker on heartbeat on debian12 (Pacemaker 2 runs on corosync only)', 'use messaging: corosync with a corosync section, or platform centos6'));
  }
  if (model.heartbeat?.ifcheckd) out.push(unsupported(model, 'heartbeat.ifcheckd', 'ifcheckd (pm_extras) on debian12', 'drop ifcheckd: Debian has no pm_extras'));
  if (model.corosync?.version === 1) out.push(unsupported(model, 'corosync.version', 'corosync 1.x on debian12 (Debian ships corosync 3)', 'use version: 3'));
  if (model.corosync?.version === 3 && model.corosync.secauth && model.corosync.transport !== 'knet') {
    out.push(unsupported(model, 'corosync.secauth', `secauth over ${model.corosync.transport} (corosync 3 encrypts only with knet)`, 'use transport: knet or secauth: false'));
  }
  return out;
}

/** A feature the chosen runtime cannot express is an error naming the feature and the runtime. */
export const checkRuntimeCapabilities: Check = (model) => {
  const out: Diagnostic[] = [];
  if (model.runtime === 'keepalived') out.push(...keepalivedLimits(model));
  if (model.runtime === 'heartbeat') out.push(...heartbeatLimits(model));
  if (model.runtime === 'agent') out.push(...agentLimits(model));
  out.push(...groupNotify(model));
  out.push(...platformLimits(model));
  if (model.runtime === 'heartbeat' || model.runtime === 'pacemaker') {
    for (const p of allPrimitives(model)) {
      if (p.kind === 'exec' && p.run !== undefined) out.push(unsupported(model, `${p.path}.exec.run`, `exec run (a process supervised by the agent) of '${p.name}'`, 'give start, stop and status commands instead'));
    }
  }
  if (model.runtime !== 'keepalived') {
    model.vrrp.forEach((v) => out.push(unsupported(model, v.path, `VRRP instance '${v.name}'`, 'VRRP instances run under runtime keepalived')));
  }
  return out;
};
