import type { Diagnostic } from '../diagnostics/index.js';
import type { ClusterModel } from '../model/model.js';
import type { Check, LintContext } from './check.js';
import { checkDuplicateAddresses, checkVipSubnets, checkVipUniqueness } from './checks/addresses.js';
import { checkAuthMethod, checkAuthPresent } from './checks/auth.js';
import { checkDrbdAddresses, checkDrbdDevices, checkDrbdFilesystems, checkDrbdPorts, checkDrbdPrimitives, checkDrbdProtocol } from './checks/drbd.js';
import { checkFirewallLockout } from './checks/firewall.js';
import { checkFileModes, checkSensitiveFiles } from './checks/files.js';
import { checkHeartbeatTimings } from './checks/heartbeat-timings.js';
import { checkMcastGroup, checkRedundantInterconnect, checkServiceOnInterconnect } from './checks/interconnect.js';
import { checkNicReferences, checkReferences, checkUniqueNames } from './checks/names-and-references.js';
import { checkFenceOnFail, checkStonith, checkTwoNodeQuorum } from './checks/quorum.js';
import { checkRuntimeCapabilities } from './checks/runtime-capabilities.js';
import { checkRuntimeSections } from './checks/runtime-sections.js';
import { checkApacheIndex, checkApacheStatusUrl, checkExecCommands, checkMonitorTargets, checkTomcatJavaHome } from './checks/services.js';
import { checkUcastPeers } from './checks/ucast-peers.js';
import { checkPinnedUids } from './checks/users.js';
import { checkVagrant } from './checks/vagrant/index.js';
import {
  checkVrrpAdvertInt,
  checkVrrpAuth,
  checkVrrpRoles,
  checkVrrpScripts,
  checkVrrpServiceCheck,
  checkVrrpVipCount,
  checkVrrpVridRange,
  checkVrrpVridUnique,
} from './checks/vrrp.js';

export type { Check, LintContext } from './check.js';

/** Every semantic check, in the order their findings are reported. */
export const checks: readonly Check[] = [
  checkRuntimeSections,
  checkRuntimeCapabilities,
  checkUniqueNames,
  checkReferences,
  checkNicReferences,
  checkDuplicateAddresses,
  checkVipSubnets,
  checkVipUniqueness,
  checkUcastPeers,
  checkHeartbeatTimings,
  checkMcastGroup,
  checkRedundantInterconnect,
  checkServiceOnInterconnect,
  checkAuthPresent,
  checkAuthMethod,
  checkTwoNodeQuorum,
  checkStonith,
  checkFenceOnFail,
  checkDrbdPrimitives,
  checkDrbdDevices,
  checkDrbdAddresses,
  checkDrbdPorts,
  checkDrbdProtocol,
  checkDrbdFilesystems,
  checkVrrpVridRange,
  checkVrrpVridUnique,
  checkVrrpRoles,
  checkVrrpAuth,
  checkVrrpAdvertInt,
  checkVrrpVipCount,
  checkVrrpScripts,
  checkVrrpServiceCheck,
  checkApacheStatusUrl,
  checkApacheIndex,
  checkTomcatJavaHome,
  checkMonitorTargets,
  checkExecCommands,
  checkPinnedUids,
  checkFirewallLockout,
  checkSensitiveFiles,
  checkFileModes,
  checkVagrant,
];

export function lintModel(model: ClusterModel, context: Partial<LintContext> = {}): Diagnostic[] {
  const full: LintContext = { others: [], env: process.env, baseDir: process.cwd(), resolveSecrets: true, ...context };
  return checks.flatMap((check) => check(model, full));
}
