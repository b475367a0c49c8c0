/**
 * Network-namespace lab: a cluster on one Linux host, for the agent's lab tests, the lab provider
 * (`hactl up`/`down`), the SSH apply tests and the failover benchmark. Needs root, iproute2, util-linux, nft.
 *
 * ```ts
 * const lab = await createLab({
 *   name: 'qs',
 *   networks: [{ name: 'service', cidr: '172.16.0.0/24' }, { name: 'hb', cidr: '10.0.0.0/24' }],
 *   nodes: [
 *     { name: 'n1', nics: [{ name: 'eth0', network: 'service', address: '172.16.0.11/24' }, { name: 'eth1', network: 'hb', address: '10.0.0.1/24' }] },
 *     { name: 'n2', nics: [{ name: 'eth0', network: 'service', address: '172.16.0.12/24' }, { name: 'eth1', network: 'hb', address: '10.0.0.2/24' }] },
 *   ],
 *   clients: [{ name: 'client', nics: [{ name: 'eth0', network: 'service', address: '172.16.0.100/24' }] }],
 *   gateways: [{ network: 'service', address: '172.16.0.1' }],
 * });
 * try { await lab.exec('client', ['ping', '-c1', lab.addressOf('n1', 'service')]); } finally { await lab.destroy(); }
 * ```
 *
 * - One network namespace per node and client (`hactl-<lab>.<member>`), one Linux bridge per network inside the
 *   lab's own switch namespace (`hactl-<lab>._switch`), gateways ("ping nodes") in `hactl-<lab>._gw`. The host's
 *   root namespace gets no link, address or route: members cannot reach the host and the host cannot reach them
 *   (use `forwardTcp` for in-process clients). IPv6 is disabled inside the lab.
 * - Nodes (`isolateFs`, default for nodes) also get persistent mount + UTS namespaces: hostname = node name, a
 *   private copy of /etc and private /run, /tmp, /var/log, /var/lib/{heartbeat,pacemaker,corosync,hactl}, all
 *   backed by `nodeRoot(node)` on the host. Every `exec`/`spawn`/sshd enters the same namespaces.
 * - Daemons: `spawn` (foreground programs, tracked by PID), `startSshd` (real OpenSSH, lab key at `sshKeyPath()`,
 *   host keys in `knownHostsPath()`), `forwardTcp` (a host loopback port relayed out of a member, for in-process
 *   clients such as ssh2). Faults: `setLink` (at the node or at the switch port), `partition`/`heal` (layer 2,
 *   in the switch). `openLab(name)` attaches to a lab built by another process.
 * - Everything created is recorded in `/run/hactl/lab/<lab>/state.json` before it is created: `destroyLab(name)`
 *   works after a crash, twice in a row, and `createLab` tears down a stale lab of the same name first.
 *   Processes are stopped by recorded PID (checked against their start time) and by namespace membership,
 *   never by name. `listLabs()` finds every lab on the machine the same way, including ones whose creator was killed
 *   or whose state file is gone (their namespaces carry the lab's reserved prefix).
 * - hactl's own files (its package with node_modules, the node binary) stay visible inside nodes at their host paths
 *   even when they live under a directory the node gets privately (a checkout in /tmp): bind-mounted read-only.
 */
export { createLab, type CreateLabOptions } from './create-lab.js';
export { destroyLab, type DestroyReport } from './destroy-lab.js';
export { describeLab, labNames, listLabs, type LabSummary } from './list-labs.js';
export { Lab, openLab, type ExecOptions, type ExecResult } from './lab.js';
export { LabError, type LabErrorCode } from './errors.js';
export type { LabSpec, LabNetworkSpec, LabNodeSpec, LabNicSpec, LabGatewaySpec } from './spec.js';
export type { LabProcess, SpawnOptions } from './spawn.js';
export type { LinkState, SetLinkOptions, LiveAddress } from './links.js';
export type { PartitionOptions } from './partition.js';
export type { SshdEndpoint, SshdOptions } from './sshd.js';
export type { TcpForward } from './forward.js';
export type { SshdRecord, TrackedProcess } from './state.js';
export type { Resident } from './proc.js';
export { LAB_BASE_DIR } from './names.js';
