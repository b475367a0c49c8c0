import type { Checker } from './checker.js';
import { keepalivedChecker } from './checkers/keepalived.js';
import { drbdChecker } from './checkers/drbd.js';
import { corosyncChecker } from './checkers/corosync.js';
import { iptablesChecker } from './checkers/iptables.js';
import { hostsChecker } from './checkers/hosts.js';
import { agentChecker } from './checkers/agent.js';
import { heartbeatChecker } from './checkers/heartbeat.js';
import { crmshChecker } from './checkers/crmsh.js';
import { cibChecker } from './checkers/cib.js';
import { shellChecker } from './checkers/shell.js';
import { vagrantChecker } from './checkers/vagrant.js';

/** Every real-tool checker; adding one is a file under src/tool-check/checkers/ and one line here. */
export const checkers: readonly Checker[] = [
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
];
