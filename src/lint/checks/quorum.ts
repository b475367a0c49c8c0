import { error, warning, type Diagnostic } from '../../diagnostics/index.js';
import { allPrimitives } from '../../model/normalize.js';
import type { Check } from '../check.js';
import { isFalse, primitivesOf } from '../support.js';

/**
 * With two nodes, the survivor of a failure has no majority; pacemaker then stops everything unless
 * no-quorum-policy is set (usually to ignore) or corosync 2+ votequorum runs with two_node.
 */
export const checkTwoNodeQuorum: Check = (model) => {
  if (model.runtime !== 'pacemaker' || model.nodes.length !== 2) return [];
  if (model.properties['no-quorum-policy'] !== undefined) return [];
  const corosync = model.pacemaker?.messaging === 'corosync' ? model.corosync : undefined;
  if (corosync && corosync.version !== 1 && corosync.twoNode) return [];
  const why = corosync?.version === 1 ? ' (corosync 1.x has no two_node)' : '';
  return [error('two-node-quorum', 'properties', `a two-node pacemaker cluster needs no-quorum-policy set explicitly${why}: the survivor of a node failure has no quorum`)];
};

const stonithMessage = 'Clusters with shared data need STONITH to ensure data integrity';

/**
 * crm_verify's complaint: with stonith-enabled (the default) and no STONITH device, pacemaker starts no resource;
 * and with it disabled, DRBD risks both sides becoming Primary.
 */
export const checkStonith: Check = (model) => {
  if (model.runtime !== 'pacemaker') return [];
  const value = model.properties['stonith-enabled'];
  if (!isFalse(value)) {
    const path = value === undefined ? 'properties' : 'properties.stonith-enabled';
    return [
      error(
        'stonith-no-devices',
        path,
        'stonith-enabled is true (the pacemaker default) but a stack cannot define STONITH devices: pacemaker disables resource start-up',
      ),
    ];
  }
  const sharedData = model.drbd.length > 0 || primitivesOf(model, 'drbd').length > 0;
  if (!sharedData) return [];
  return [warning('stonith-shared-data', 'properties.stonith-enabled', `stonith-enabled is false on a cluster with DRBD: ${stonithMessage}`)];
};

/** on-fail=fence asks for STONITH (pacemaker) or the fencing command (agent); without one it cannot happen. */
export const checkFenceOnFail: Check = (model) => {
  const canFence =
    model.runtime === 'pacemaker' ? !isFalse(model.properties['stonith-enabled']) : model.runtime === 'agent' ? model.agent.fencing !== undefined : true;
  if (canFence) return [];
  const out: Diagnostic[] = [];
  const lacking = model.runtime === 'pacemaker' ? 'stonith-enabled is false' : 'agent.fencing is not configured';
  for (const p of allPrimitives(model)) {
    for (const op of p.ops) {
      if (op.onFail === 'fence') out.push(error('fence-without-stonith', `${p.path}.${op.name}.onFail`, `'${p.name}' ${op.name} has onFail: fence but ${lacking}`));
    }
  }
  return out;
};
