// The Vagrant provider: stack → checked Vagrant data → `vagrant up` → provisioning over hactl's SSH transport.
export { vagrantUp, type VagrantUpOptions, type VagrantUpResult } from './up.js';
export { provisionMachines, type ProvisionContext } from './provision-machines.js';
export { vagrantDown, type VagrantDownOptions, type VagrantDownResult } from './down.js';
export { vagrantStatus, heldVips, stackVips, type MachineStatus } from './status.js';
export { assertVagrantReady } from './assert-ready.js';
export { networksInUse, hostRoutes, type HostRoute, type WantedNetwork } from './host-networks.js';
export { wantedNetworks, assertNetworksFree } from './check-host.js';
export { preflight } from './preflight.js';
export { progressEvent, type VagrantProgressEvent } from './progress.js';
export { parseSshConfig, type SshConfigEntry } from './ssh-config.js';
export { machineStates } from './machine-states.js';
export { connectMachines, vagrantEndpoints, hostKeyAlias, forgetHostKeys, uncreatedMachines } from './connect.js';
export { VagrantError, type VagrantErrorCode } from './errors.js';
export type { VagrantUpEvent, VagrantEventHandler, VagrantPhase } from './events.js';
