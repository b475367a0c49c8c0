import type { Checker } from './checker.js';
import { agentChecker } from './checkers/agent.js';
import { cibChecker } from './checkers/cib.js';
import { corosyncChecker } from './checkers/corosync.js';
import { crmshChecker } from './checkers/crmsh.js';
import { drbdChecker } from './checkers/drbd.js';
import { heartbeatChecker } from './checkers/heartbeat.js';
import { hostsChecker } from './checkers/hosts.js';
import { iptablesChecker } from './checkers/iptables.js';
import { keepalivedChecker } from './checkers/keepalived.js';
import { shellChecker } from './checkers/shell.js';
import { vagrantChecker } from './checkers/vagrant.js';

/**
 * Every real-tool checker, in the order `hactl check` runs them; adding one is a file under src/tool-check/checkers/
 * and one line here, and its id becomes a CheckerId a renderer can give its files.
 */
export const checkers = [
  keepalivedChecker,
  drbdChecker,
  corosyncChecker,
  iptablesChecker,
  hostsChecker,
  agentChecker,
  heartbeatChecker,
  crmshChecker,
  cibChecker,
  shellChecker,
  vagrantChecker,
] as const;

export type CheckerId = (typeof checkers)[number]['id'];

export function checkerFor(id: string | undefined): Checker | undefined {
  return checkers.find((c) => c.id === id);
}
