import type { ClusterModel } from '../model/model.js';
import { localTransport } from './local/local-transport.js';
import { defaultKnownHostsFiles, type SshConnectOptions } from './ssh/connect.js';
import { sshInventory, type EndpointOverride } from './ssh/inventory.js';
import { sshTransport } from './ssh/ssh-transport.js';
import type { Transport } from './transport.js';

export type TransportSet = ReadonlyMap<string, Transport>;

export interface OpenTransportsOptions extends Partial<SshConnectOptions> {
  /** per-node endpoint changes, e.g. the lab's forwarded ports */
  overrides?: Readonly<Record<string, EndpointOverride>>;
  /** write every node's files under `<local>/<node>/` on this machine instead of over SSH */
  local?: string;
}

/** One transport per node of the stack, all connected (or none: a failure closes those already open). */
export async function openTransports(model: ClusterModel, opts: OpenTransportsOptions = {}): Promise<Map<string, Transport>> {
  if (opts.local !== undefined) {
    const root = opts.local;
    return new Map(model.nodes.map((n) => [n.name, localTransport({ node: n.name, root: `${root.replace(/\/+$/, '')}/${n.name}` })]));
  }
  const connect: SshConnectOptions = {
    ...opts,
    knownHostsFiles: opts.knownHostsFiles ?? defaultKnownHostsFiles(),
    acceptNewHostKeys: opts.acceptNewHostKeys ?? false,
  };
  const endpoints = sshInventory(model, opts.overrides);
  const settled = await Promise.allSettled(endpoints.map((e) => sshTransport(e, connect)));
  const opened = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
  if (failed.length) {
    await closeTransports(opened);
    throw failed.length === 1 ? failed[0]! : new AggregateError(failed, failed.map((e) => e.message).join('; '));
  }
  return new Map(opened.map((t) => [t.node, t]));
}

export async function closeTransports(transports: Iterable<Transport>): Promise<void> {
  await Promise.allSettled([...transports].map((t) => t.close()));
}
