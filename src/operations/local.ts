import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { ClusterModel } from '../model/model.js';
import { CLUSTER_JSON_PATH } from '../render/node-model/index.js';
import { RuntimeError } from '../runtime/errors.js';
import { runtimeOf } from '../runtime/registry.js';
import type { ClusterAccess, DaemonControl, Runtime } from '../runtime/runtime.js';
import { localTransport } from '../transport/local/local-transport.js';

// Read-only questions on a node need no daemon control: asking for it is a mistake in the caller.
const noDaemons: DaemonControl = {
  start: () => Promise.reject(new RuntimeError('runtime-refused', 'this node cannot start daemons for another node')),
  stop: () => Promise.reject(new RuntimeError('runtime-refused', 'this node cannot stop daemons for another node')),
  running: async () => false,
  kill: () => Promise.reject(new RuntimeError('runtime-refused', 'this node cannot kill daemons for another node')),
};

/** The cluster this node belongs to, as hactl rendered it here; undefined on a machine hactl never set up. */
export async function localCluster(node?: string): Promise<{ model: ClusterModel; runtime: Runtime; access: ClusterAccess; node: string } | undefined> {
  let text: string;
  try {
    text = await readFile(CLUSTER_JSON_PATH, 'utf8');
  } catch {
    return undefined;
  }
  const model = JSON.parse(text) as ClusterModel;
  const me = node ?? model.nodes.find((n) => n.name.toLowerCase() === hostname().toLowerCase())?.name;
  if (!me) throw new RuntimeError('runtime-unknown-target', `this host (${hostname()}) is none of the nodes of ${model.cluster} in ${CLUSTER_JSON_PATH}: pass --node`);
  const transport = localTransport({ node: me, root: '/' });
  const access: ClusterAccess = { model, nodes: new Map([[me, transport]]), daemons: noDaemons, hactl: [process.execPath, process.argv[1] ?? 'hactl'] };
  return { model, runtime: runtimeOf(model.runtime), access, node: me };
}
