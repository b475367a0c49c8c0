import type { MachineRecord } from '../../host-tools/vagrant-machine-readable.js';

/** Each machine's state from `vagrant status`: running, not_created, shutoff (libvirt), poweroff (virtualbox), … */
export function machineStates(records: readonly MachineRecord[]): Map<string, string> {
  const states = new Map<string, string>();
  for (const r of records) if (r.type === 'state' && r.target && r.data[0]) states.set(r.target, r.data[0]);
  return states;
}
