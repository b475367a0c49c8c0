import type { ClusterModel, RuntimeName } from '../model/model.js';
import type { Transport } from '../transport/transport.js';
import type { ClusterStatus } from './status.js';

/** A running cluster as a runtime sees it: the stack and a way into every node, wherever the nodes run. */
export interface ClusterAccess {
  model: ClusterModel;
  /** one transport per node that answered (lab: nsenter into the node; vagrant and real servers: SSH) */
  nodes: ReadonlyMap<string, Transport>;
  /** starts and stops the runtime's daemons the provider's way (lab: tracked foreground processes; hosts: the init system) */
  daemons: DaemonControl;
  /** argv that runs hactl's own CLI on a node (the agent's client), where the provider put it */
  hactl: readonly string[];
}

export interface DaemonControl {
  start(node: string, daemon: DaemonSpec): Promise<void>;
  /** a graceful stop (the daemon hands over what it holds) */
  stop(node: string, daemon: DaemonSpec): Promise<void>;
  running(node: string, daemon: DaemonSpec): Promise<boolean>;
  /** a crash: SIGKILL of the daemon and every process it started, nothing handed over */
  kill(node: string, daemon: DaemonSpec): Promise<void>;
}

/**
 * A daemon of the runtime on a node. Hosts with an init system start `service`; the lab (no init system) runs
 * `foreground` itself and tracks its PID, so a fault can SIGKILL exactly that process and what it started.
 */
export interface DaemonSpec {
  name: string;
  /** the executable's path, by which the daemon's processes are found (command lines get rewritten) */
  exe: string;
  /** an argument only this daemon's command line carries (the agent shares its executable, node, with hactl's CLI) */
  marker?: string;
  /** argv that stays in the foreground (heartbeat -f, corosync -f, pacemakerd, keepalived --dont-fork) */
  foreground: string[];
  /** systemd unit / SysV script name */
  service: string;
  /** extra environment for the foreground process */
  env?: Record<string, string>;
  /** what a graceful stop sends to the foreground process (default SIGTERM) */
  stopSignal?: NodeJS.Signals;
  /** a one-shot command to run before the daemon starts (e.g. create a directory a package's unit would) */
  prepare?: string;
}

export const OPERATIONS = ['standby', 'online', 'move', 'unmove', 'stop', 'start', 'cleanup', 'is-active'] as const;
export type OperationName = (typeof OPERATIONS)[number];

export interface OperationArgs {
  standby: { node: string };
  online: { node: string };
  move: { group: string; node: string };
  unmove: { group: string };
  stop: { group: string };
  start: { group: string };
  cleanup: { resource?: string; node?: string };
  'is-active': { group: string; node: string };
}

/** What an operation did, in the runtime's own words (the command it ran), for the operator to read. */
export interface OperationResult {
  /** the node the command ran on */
  via: string;
  /** the runtime's own command, e.g. `crm resource move web s2` */
  command: string;
  output: string;
  /** is-active only: whether the group runs on the node asked about */
  active?: boolean;
}

export type OperationImpl<Op extends OperationName> = (cluster: ClusterAccess, args: OperationArgs[Op]) => Promise<OperationResult>;

/** An operation the runtime cannot express: one line naming what it can do instead. Never pretended. */
export interface Refusal {
  refused: string;
}

export type Operations = { [Op in OperationName]: OperationImpl<Op> | Refusal };

/**
 * One cluster manager hactl can run and drive. Each runtime is one folder under src/runtime/ behind the registry;
 * providers (lab, vagrant, ssh) start its daemons, then call it through this interface only.
 */
export interface Runtime {
  name: RuntimeName;
  /** daemons each node runs, in start order; `hactl` is where hactl's own CLI runs on the node (the agent is part of it) */
  daemons(model: ClusterModel, host: { hactl: readonly string[] }): DaemonSpec[];
  /** once every node runs its daemons: e.g. wait for Pacemaker's DC and load the configuration */
  bootstrap?(cluster: ClusterAccess, options: { timeoutMs: number }): Promise<string[]>;
  /** the runtime's own machine interface on every reachable node, merged into one status */
  status(cluster: ClusterAccess): Promise<ClusterStatus>;
  operations: Operations;
  /** cluster managers own their resources' services: apply never enables, starts or reloads those on a node */
  ownsServices: boolean;
  configuration?: ClusterConfiguration;
  /**
   * The runtime must be stopped on a node before a cut link or a partition of it is healed, and started again after:
   * heartbeat v1 re-executes itself (a new process) when it sees a partition heal, and both sides keep the resources
   * they took meanwhile, so healing under a running heartbeat leaves the cluster in whatever state that race ends in.
   */
  restartAcrossHeal?: boolean;
  /**
   * Why the cluster is not steady yet beyond what the status shows (every group on one node, every node online):
   * e.g. the agent still moving a group back, a preempting VRRP MASTER not yet back. Undefined when steady.
   */
  unsettled?(status: ClusterStatus, model: ClusterModel): string | undefined;
}

/** The cluster-wide configuration a running cluster manager holds (Pacemaker's CIB), which apply compares and loads. */
export interface ClusterConfiguration {
  /** the rendered file that carries it (a cluster-wide file) */
  path(model: ClusterModel): string;
  /** whether the cluster manager runs on the node with quorum, so that its configuration can be compared and loaded */
  ready(node: string, transport: Transport): Promise<boolean>;
  /** what loading `content` would change, without changing anything; empty when nothing */
  diff(model: ClusterModel, node: string, transport: Transport, content: string): Promise<string[]>;
  /** loads `content` when it changes something, and says what happened */
  load(model: ClusterModel, node: string, transport: Transport, content: string): Promise<string>;
}

export function isRefusal(op: OperationImpl<never> | Refusal | unknown): op is Refusal {
  return typeof op === 'object' && op !== null && 'refused' in op;
}
