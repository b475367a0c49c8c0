import { error, warning, type Diagnostic } from '../../diagnostics/index.js';
import type { ClusterModel, VrrpModel } from '../../model/model.js';
import { networkAddress } from '../../model/network.js';
import { splitVrrpVips } from '../../model/normalize.js';
import type { Check } from '../check.js';
import { kaPassword } from '../../render/escape/keepalived.js';
import { checkSecret, formatProblems } from '../secrets.js';
import { nicNamed, nodeNamed } from '../support.js';

export const checkVrrpVridRange: Check = (model) =>
  model.vrrp
    .filter((v) => !Number.isInteger(v.vrid) || v.vrid < 1 || v.vrid > 255)
    .map((v) => error('vrrp-vrid-range', `${v.path}.vrid`, `virtual_router_id ${v.vrid} is outside 1..255`));

/** The network segments (subnets of the instance's interface on its nodes) an instance advertises on. */
function segments(model: ClusterModel, v: VrrpModel): Set<string> {
  const out = new Set<string>();
  for (const n of v.nodes) {
    const node = nodeNamed(model, n.node);
    const nic = node && nicNamed(node, n.interface);
    if (nic) out.add(`${networkAddress(nic)}/${nic.prefix}`);
  }
  return out;
}

/**
 * Two routers with one VRID on one segment share a virtual MAC and fight over the VIPs, even when they
 * belong to different clusters: so stacks validated together are compared too.
 */
export const checkVrrpVridUnique: Check = (model, context) => {
  const out: Diagnostic[] = [];
  const earlier: { v: VrrpModel; model: ClusterModel; where: string }[] = context.others.flatMap((other) =>
    other.vrrp.map((v) => ({ v, model: other, where: `cluster '${other.cluster}'` })),
  );
  for (const v of model.vrrp) {
    const mine = segments(model, v);
    for (const other of earlier) {
      if (other.v.vrid !== v.vrid) continue;
      const shared = [...segments(other.model, other.v)].filter((s) => mine.has(s));
      if (shared.length) {
        out.push(error('vrrp-vrid-duplicate', `${v.path}.vrid`, `vrid ${v.vrid} is also used by VRRP instance '${other.v.name}' of ${other.where} on ${shared.join(', ')}`));
        break;
      }
    }
    earlier.push({ v, model, where: 'this stack' });
  }
  return out;
};

/** One MASTER, and it must outbid every BACKUP, or the intended master never holds the VIPs. */
export const checkVrrpRoles: Check = (model) => {
  const out: Diagnostic[] = [];
  for (const v of model.vrrp) {
    const masters = v.nodes.filter((n) => n.state === 'MASTER');
    if (masters.length === 0) out.push(error('vrrp-master-count', `${v.path}.nodes`, `VRRP instance '${v.name}' has no MASTER`));
    for (const extra of masters.slice(1)) {
      out.push(error('vrrp-master-count', `${extra.path}.state`, `VRRP instance '${v.name}' has more than one MASTER (${masters.map((m) => m.node).join(', ')})`));
    }
    const master = masters[0];
    if (!master) continue;
    for (const backup of v.nodes.filter((n) => n.state === 'BACKUP' && n.priority >= master.priority)) {
      out.push(error('vrrp-priority-order', `${backup.path}.priority`, `BACKUP ${backup.node} has priority ${backup.priority}, not below MASTER ${master.node}'s ${master.priority}`));
    }
  }
  return out;
};

/** keepalived silently keeps only the first 8 characters of a PASS password. */
export const checkVrrpAuth: Check = (model, context) => {
  const out: Diagnostic[] = [];
  for (const v of model.vrrp) {
    if (!v.auth) continue;
    const path = `${v.path}.auth.passFrom`;
    const secret = checkSecret(v.auth.passFrom, path, `the ${v.auth.type} password of '${v.name}'`, context);
    out.push(...secret.diagnostics);
    if (v.auth.type === 'PASS' && secret.value !== undefined && secret.value.length > 8) {
      out.push(error('vrrp-pass-length', path, `the PASS password of '${v.name}' has ${secret.value.length} characters; VRRP uses only the first 8`));
    }
    if (secret.value !== undefined) out.push(...formatProblems(() => kaPassword(secret.value!, path)));
  }
  return out;
};

export const checkVrrpVipCount: Check = (model) => {
  const out: Diagnostic[] = [];
  const max = model.keepalived.maxVips;
  if (max === undefined) return out;
  for (const v of model.vrrp) {
    const moved = splitVrrpVips(v, max).excluded.length - v.excludedVips.length;
    if (moved > 0) {
      out.push(
        warning(
          'vrrp-many-vips',
          `${v.path}.vips[${max}]`,
          `'${v.name}' has ${v.vips.length} VIPs; keepalived on ${model.platform} announces at most ${max}, so the last ${moved} go to virtual_ipaddress_excluded (configured, not carried in adverts)`,
        ),
      );
    }
  }
  return out;
};

export const checkVrrpScripts: Check = (model) => {
  const defined = new Set(model.keepalived.scripts.map((s) => s.name));
  return model.vrrp.flatMap((v) =>
    v.track.flatMap((name, i) =>
      defined.has(name) ? [] : [error('vrrp-unknown-script', `${v.path}.track[${i}]`, `track script '${name}' is not defined under keepalived.scripts`)],
    ),
  );
};

/** VRRP only sees the network; a dead service keeps its VIP unless something checks it. */
export const checkVrrpServiceCheck: Check = (model) =>
  model.vrrp
    .filter((v) => v.track.length === 0 && !v.notify.master && !v.notify.backup && !v.notify.fault)
    .map((v) =>
      warning('vrrp-service-check', v.path, `VRRP instance '${v.name}' has no track script or notify script: a node whose service died keeps the VIPs`),
    );

/** keepalived reads a VRRPv2 advert_int in whole seconds (up to 255 s) and a VRRPv3 one in centiseconds (up to 40.95 s). */
function advertIntProblem(v: VrrpModel): string | undefined {
  const ms = v.advertIntMs;
  if (v.version === 2) {
    if (ms === 0 || ms % 1000 !== 0) return `advert_int ${ms}ms is not a whole number of seconds (VRRPv2); use version: 3 for sub-second adverts`;
    if (ms > 255_000) return `advert_int ${ms / 1000}s is above the VRRPv2 maximum of 255s`;
  } else {
    if (ms < 10 || ms % 10 !== 0) return `advert_int ${ms}ms is not a positive multiple of 10ms (VRRPv3 counts centiseconds)`;
    if (ms > 40_950) return `advert_int ${ms / 1000}s is above the VRRPv3 maximum of 40.95s`;
  }
  return undefined;
}

export const checkVrrpAdvertInt: Check = (model) =>
  model.vrrp.flatMap((v) => {
    const problem = advertIntProblem(v);
    return problem ? [error('vrrp-advert-int', `${v.path}.advertInt`, problem)] : [];
  });
