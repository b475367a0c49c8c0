import type { ClusterModel } from '../model/model.js';
import { TransportError } from './errors.js';
import { limiter } from './limit.js';
import { labTransports } from './lab/lab-transport.js';
import { localTransport } from './local/local-transport.js';
import { defaultKnownHostsFiles, type SshConnectOptions } from './ssh/connect.js';
import { sshInventory, type EndpointOverride } from './ssh/inventory.js';
import { sshTransport } from './ssh/ssh-transport.js';
import type { Transport } from './transport.js';

export type TransportSet = ReadonlyMap<string, Transport>;

export interface OpenTransportsOptions extends Partial<SshConnectOptions> {
  /** per-node endpoint changes, e.g. a lab's ProxyCommand into its namespaces */
  overrides?: Readonly<Record<string, EndpointOverride>>;
  /** write every node's files under `<local>/<node>/` on this machine instead of over SSH */
  local?: string;
  /** connections opened at once; default 10 */
  concurrency?: number;
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
  // nodes without `ssh:` whose lab is up (`hactl up`) are reached inside the lab; every other node over SSH
  const onLab = labTransports(model, opts.overrides);
  const endpoints = sshInventory({ ...model, nodes: model.nodes.filter((n) => !onLab.has(n.name)) }, opts.overrides);
  const limit = limiter(opts.concurrency ?? 10);
  const settled = await Promise.allSettled(endpoints.map((e) => limit(() => sshTransport(e, connect))));
  const opened = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
  if (failed.length) {
    await closeTransports(opened);
    throw failed.length === 1 ? failed[0]! : combined(failed);
  }
  return new Map([...onLab, ...opened.map((t): [string, Transport] => [t.node, t])]);
}

// One error for the CLI to print, every node's reason in it, the first code as its code (e.g. two unknown hosts).
function combined(errors: Error[]): Error {
  const first = errors[0] as Partial<TransportError>;
  const nodes = errors.map((e) => (e as Partial<TransportError>).node).filter(Boolean).join(', ');
  return new TransportError(first.code ?? 'ssh-connect-failed', nodes, errors.map((e) => e.message).join('\n'), { cause: new AggregateError(errors) });
}

export async function closeTransports(transports: Iterable<Transport>): Promise<void> {
  await Promise.allSettled([...transports].map((t) => t.close()));
}
