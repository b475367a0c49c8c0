import type { ClusterModel } from '../../model/model.js';
import { CIB_PATH, CRM_SCRIPT_PATH } from '../pacemaker/index.js';
import type { ClusterStep } from './data.js';

/** The daemons a node runs for the stack's runtime; resources (apache, …) are the cluster manager's to start. */
export function runtimeServices(model: Pick<ClusterModel, 'runtime' | 'pacemaker'>): string[] {
  switch (model.runtime) {
    case 'keepalived':
      return ['keepalived'];
    case 'heartbeat':
      return ['heartbeat'];
    case 'pacemaker':
      return model.pacemaker?.messaging === 'corosync' ? ['corosync', 'pacemaker'] : ['heartbeat'];
    case 'agent':
      return [];
  }
}

// Configuring before the cluster answers `crm node status` fails; 5 s more let the members finish joining.
const READY_TIMEOUT_S = 300;
const SETTLE_S = 5;

/** The once-per-cluster configuration the pacemaker renderers leave under /var/lib/hactl. */
export function clusterStep(model: Pick<ClusterModel, 'runtime' | 'pacemaker'>): ClusterStep | undefined {
  if (model.runtime !== 'pacemaker') return undefined;
  const timing = { timeoutSeconds: READY_TIMEOUT_S, settleSeconds: SETTLE_S };
  if (model.pacemaker?.format === 'cib') return { wait: 'cibadmin -Q', run: `cibadmin --replace --xml-file ${CIB_PATH}`, ...timing };
  return { wait: 'crm node status', run: `crm configure < ${CRM_SCRIPT_PATH}`, ...timing };
}
