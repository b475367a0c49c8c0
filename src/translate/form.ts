import type { ClusterInput } from '../model/cluster.js';

/**
 * What runs the cluster, as far as translations care: the runtime, and for Pacemaker its cluster layer. Pacemaker's
 * CIB syntax (1.0 or 2) is not part of the form: it is fixed up once the layer is right (pacemaker-syntax.ts).
 */
export type Form = 'heartbeat' | 'pacemaker-heartbeat' | 'pacemaker-corosync1' | 'pacemaker-corosync3' | 'keepalived' | 'agent';

export const formTitles: Record<Form, string> = {
  heartbeat: 'heartbeat v1 (haresources)',
  'pacemaker-heartbeat': 'Pacemaker on heartbeat',
  'pacemaker-corosync1': 'Pacemaker on corosync 1.x',
  'pacemaker-corosync3': 'Pacemaker 2 on corosync 3',
  keepalived: 'keepalived (VRRP)',
  agent: 'the hactl agent',
};

export function formOf(input: ClusterInput): Form {
  if (input.runtime !== 'pacemaker') return input.runtime;
  if (input.pacemaker?.messaging !== 'corosync') return 'pacemaker-heartbeat';
  return input.corosync?.version === 1 ? 'pacemaker-corosync1' : 'pacemaker-corosync3';
}
