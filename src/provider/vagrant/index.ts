// The Vagrant provider: stack → checked Vagrant data → `vagrant up` → provisioning over hactl's SSH transport.
export { vagrantUp, type VagrantUpOptions, type VagrantUpResult } from './up.js';
export { provisionMachines, type ProvisionContext } from './provision-machines.js';
export { vagrantDown, type VagrantDownOptions, type VagrantDownResult } from './down.js';
export { vagrantStatus, heldVips, stackVips, type MachineStatus } from './status.js';
export { vagrantIssues, assertVagrantReady, formatIssue } from './validate.js';
export { networksInUse, hostRoutes, type HostRoute, type WantedNetwork } from './host-networks.js';
export { wantedNetworks, assertNetworksFree } from './check-host.js';
export { preflight } from './preflight.js';
export { runVagrant, mustRunVagrant, failureOf, type VagrantRun, type VagrantRunOptions } from './cli.js';
export { parseMachineLine, parseMachineReadable, type MachineRecord } from './machine-readable.js';
export { progressEvent, type VagrantProgressEvent } from './progress.js';
export { parseSshConfig, type SshConfigEntry } from './ssh-config.js';
export { machineStates } from './machine-states.js';
export { connectMachines, vagrantEndpoints, hostKeyAlias, forgetHostKeys, uncreatedMachines } from './connect.js';
export { vagrantWorkdir, prepareWorkdir, withVagrantData, type VagrantWorkdir } from './workdir.js';
export { VagrantError, type VagrantErrorCode, type VagrantIssue, type VagrantIssueCode } from './errors.js';
export type { VagrantUpEvent, VagrantEventHandler, VagrantPhase } from './events.js';
