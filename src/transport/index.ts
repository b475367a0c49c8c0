// Reaching nodes: one Transport per node (SSH or local), with atomic writes and known_hosts checking.
export type {
  Transport, RemoteFile, FileAttrs, ExecResult, ExecOptions, BackupSuffix, StagedFile, CommitResult,
} from './transport.js';
export { TransportError, type TransportErrorCode } from './errors.js';
export { backupSuffix } from './shell.js';
export { localTransport, type LocalTransportOptions } from './local/local-transport.js';
export { sshTransport } from './ssh/ssh-transport.js';
export { connectSsh, defaultKnownHostsFiles, type SshConnectOptions } from './ssh/connect.js';
export { sshInventory, type SshEndpoint, type EndpointOverride } from './ssh/inventory.js';
export { parseKnownHosts, checkHostKey, entryMatches, type KnownHostEntry, type HostKeyStatus } from './ssh/known-hosts.js';
export { fingerprint, knownHostsName } from './ssh/host-key.js';
export { nodeRelayProxyCommand } from './ssh/proxy-command.js';
export { openTransports, closeTransports, type TransportSet, type OpenTransportsOptions } from './open-transports.js';
