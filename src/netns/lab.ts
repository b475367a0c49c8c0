import { existsSync } from 'node:fs';
import { LabError } from './errors.js';
import { forwardTcp, type TcpForward } from './forward.js';
import { findMember, type LabLayout, type LayoutMember, resolveLayout } from './layout.js';
import { liveAddresses, type LiveAddress, type LinkState, setLink, type SetLinkOptions } from './links.js';
import { mntNsFile, netnsPath, nodeRootDir, utsNsFile } from './names.js';
import { heal, partition, type PartitionOptions } from './partition.js';
import { run } from './run.js';
import { spawnTracked, type LabProcess, type SpawnOptions } from './spawn.js';
import { ensureKey, labKeyPath, labKnownHostsPath } from './ssh-keys.js';
import { startSshd, type SshdEndpoint, type SshdOptions } from './sshd.js';
import { destroyLab, type DestroyReport } from './destroy-lab.js';
import type { LabSpec } from './spec.js';
import { isRunning, namespaceKey, residentsOf, type Resident } from './proc.js';
import { readState, type SshdRecord, type TrackedProcess } from './state.js';

export interface ExecOptions {
  input?: string;
  /** default 30 s; on expiry the call rejects with code 'lab-timeout' */
  timeoutMs?: number;
  env?: Record<string, string>;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A handle on a built lab: cheap to construct, so any process can attach to a lab by name (openLab). */
export class Lab {
  readonly name: string;
  readonly spec: LabSpec;
  readonly #layout: LabLayout;
  readonly #forwards = new Set<TcpForward>();
  #clientKey: Promise<string> | undefined;

  constructor(spec: LabSpec) {
    this.#layout = resolveLayout(spec);
    this.name = spec.name;
    this.spec = spec;
  }

  #member(name: string): LayoutMember {
    return findMember(this.#layout, name);
  }

  /** `nsenter ... --` prefix that runs a command inside a member (network, and for nodes mount + UTS). */
  enterArgv(member: string): string[] {
    const m = this.#member(member);
    const fs = m.isolateFs ? [`--mount=${mntNsFile(this.name, m.name)}`, `--uts=${utsNsFile(this.name, m.name)}`] : [];
    return ['nsenter', `--net=${netnsPath(m.netns)}`, ...fs, '--'];
  }

  /** Whether the member's namespaces exist (a lab left by a crash or half removed may have lost some). */
  present(member: string): boolean {
    const m = this.#member(member);
    const fs = m.isolateFs ? [mntNsFile(this.name, m.name), utsNsFile(this.name, m.name)] : [];
    return [netnsPath(m.netns), ...fs].every((path) => existsSync(path));
  }

  /** Runs a command to completion inside a member; a non-zero exit is returned, not thrown. */
  async exec(member: string, argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return run([...this.enterArgv(member), ...argv], {
      allowFailure: true, timeoutMs: opts.timeoutMs ?? 30_000, input: opts.input, env: opts.env,
    });
  }

  /** Starts a daemon (in the foreground, e.g. `sshd -D`) inside a member, tracked by PID until destroy. */
  spawn(member: string, argv: readonly string[], opts: SpawnOptions = {}): LabProcess {
    return spawnTracked(this.name, member, this.enterArgv(member), argv, opts);
  }

  /** Processes the lab started (by this or another process) that still run, optionally only one member's. */
  running(member?: string): TrackedProcess[] {
    const live = (readState(this.name)?.processes ?? []).filter(isRunning);
    return member === undefined ? live : live.filter((p) => p.member === member);
  }

  /**
   * Every process living in a member's network namespace, tracked or not: daemons fork workers and some re-execute
   * themselves under a new PID (heartbeat does when a partition heals); found by namespace, never by name alone.
   */
  residents(member: string): Resident[] {
    const key = namespaceKey(netnsPath(this.#member(member).netns));
    return key ? residentsOf(key) : [];
  }

  async setLink(member: string, nic: string, state: LinkState, opts: SetLinkOptions = {}): Promise<void> {
    await setLink(this.#layout, this.#member(member), nic, state, opts);
  }

  /** Cuts traffic between the groups (members in no group still reach everyone); replaces any earlier partition. */
  async partition(groups: readonly (readonly string[])[], opts: PartitionOptions = {}): Promise<void> {
    await partition(this.#layout, groups, opts);
  }

  async heal(): Promise<void> {
    await heal(this.#layout);
  }

  /** IPv4 addresses configured now inside the member (VIPs included). */
  async addresses(member: string): Promise<LiveAddress[]> {
    return liveAddresses(this.#member(member));
  }

  /** The spec's address of a member on a network, without prefix. */
  addressOf(member: string, network: string): string {
    const nic = this.#member(member).nics.find((n) => n.network === network);
    if (!nic) throw new LabError('lab-unknown-member', `${member} has no NIC on ${network}`);
    return nic.address;
  }

  /** Host directory holding the node's private /etc, /run, /tmp, /var/log, /var/lib/... */
  nodeRoot(node: string): string {
    const m = this.#member(node);
    if (!m.isolateFs) throw new LabError('lab-not-isolated', `${node} shares the host filesystem (isolateFs is off)`);
    return nodeRootDir(this.name, m.name);
  }

  /** A real OpenSSH server in the node: own host key, root login with the lab key only. */
  async startSshd(node: string, opts: SshdOptions = {}): Promise<SshdEndpoint> {
    const m = this.#member(node);
    if (!m.isolateFs) throw new LabError('lab-not-isolated', `sshd needs a node with its own /etc and /run; ${node} has none`);
    this.#clientKey ??= ensureKey(labKeyPath(this.name), `hactl-lab-${this.name}`).catch((err: unknown) => {
      this.#clientKey = undefined;
      throw err;
    });
    return startSshd(this.#layout, m, this.#clientKey, (argv, logFile) => this.spawn(node, argv, { logFile }), opts);
  }

  /** Private key accepted by every lab sshd (exists once startSshd ran); the same path works inside nodes. */
  sshKeyPath(): string {
    return labKeyPath(this.name);
  }

  /** sshd servers started so far, by this or another process. */
  sshdEndpoints(): SshdRecord[] {
    return readState(this.name)?.sshd ?? [];
  }

  /** known_hosts with every started sshd, by address and node name. */
  knownHostsPath(): string {
    return labKnownHostsPath(this.name);
  }

  /** A loopback port on the host whose connections come out of `from` towards target, across the lab network. */
  async forwardTcp(from: string, target: { host: string; port: number }): Promise<TcpForward> {
    const forward = await forwardTcp(['nsenter', `--net=${netnsPath(this.#member(from).netns)}`, '--'], target);
    this.#forwards.add(forward);
    return {
      ...forward,
      close: async () => {
        this.#forwards.delete(forward);
        await forward.close();
      },
    };
  }

  async destroy(): Promise<DestroyReport> {
    await Promise.all([...this.#forwards].map((f) => f.close()));
    this.#forwards.clear();
    return destroyLab(this.name);
  }
}

/** Attaches to a lab another process created (e.g. `hactl up` then `hactl lab exec`). */
export function openLab(name: string): Lab {
  const state = readState(name);
  if (!state) throw new LabError('lab-not-found', `no lab '${name}' (no state file)`);
  return new Lab(state.spec);
}
