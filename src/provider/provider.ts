import type { ClusterModel, PlatformName } from '../model/model.js';
import type { providerNames } from './names.js';
import type { RenderResult } from '../render/render-stack.js';
import type { VagrantOverrides } from '../render/vagrant/index.js';
import type { DaemonControl } from '../runtime/runtime.js';
import type { Transport } from '../transport/transport.js';

export type ProviderName = (typeof providerNames)[number];

/** What a provider reports while it builds machines; `operations/up` adds its own steps around them. */
export type ProviderEvent =
  | { type: 'machines-ready'; where: string; ms: number }
  | { type: 'files-in-place'; node: string; count: number; how: string; ms?: number }
  | { type: 'progress'; message: string };

export interface ProvisionContext {
  model: ClusterModel;
  rendered: RenderResult;
  onEvent: (event: ProviderEvent) => void;
  /** settings only one provider reads (`--vagrant-provider`, `--box`) */
  options?: ProviderOptions;
}

export interface ProviderOptions {
  vagrant?: VagrantOverrides;
  /** DRBD's first set-up may overwrite disks that hold data (never without it) */
  drbdOverwrite?: boolean;
}

/** A running cluster's machines, reached the provider's way; close() releases connections (never the machines). */
export interface ProviderSession {
  /** for messages: "lab quickstart", "Vagrant (libvirt)", "SSH" */
  where: string;
  nodes: ReadonlyMap<string, Transport>;
  daemons: DaemonControl;
  /** argv that runs hactl's own CLI on a node */
  hactl: readonly string[];
  /** argv prefix that runs a command where a client of the cluster sits (the lab's client namespace; this host) */
  client: readonly string[];
  /** extra faults only this provider can make (the lab cuts a NIC at the switch, partitions at layer 2) */
  faults?: ProviderFaults;
  close(): Promise<void>;
}

export interface ProviderFaults {
  /** takes a node's NIC down (or up) so that its peers lose it, as a pulled cable would */
  setLink(node: string, nic: string, state: 'up' | 'down'): Promise<void>;
}

export interface DestroyReport {
  existed: boolean;
  detail: string;
}

/**
 * Where a stack's nodes run: network namespaces on this host, Vagrant VMs, or real servers over SSH. Each provider is
 * one folder under src/provider/ behind the registry (whose keys feed `--provider`); the runtime layer and the
 * operations only ever talk to a provider through this interface.
 */
export interface Provider {
  name: ProviderName;
  description: string;
  /** the platform the machines run (the stack is retargeted to it); undefined: the stack's own (real servers) */
  platform?: PlatformName;
  /** builds the machines and puts the rendered files in place; daemons are started by the caller */
  provision(context: ProvisionContext): Promise<void>;
  /** attaches to the stack's machines, built by this process or another */
  connect(model: ClusterModel): Promise<ProviderSession>;
  /** whether the stack's machines exist here (for choosing a provider when none is named) */
  exists(model: ClusterModel): Promise<boolean>;
  /** removes what provision made; safe to repeat */
  destroy(model: ClusterModel): Promise<DestroyReport>;
}
