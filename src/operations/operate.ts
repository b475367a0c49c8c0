import type { ProviderName } from '../provider/provider.js';
import { RuntimeError } from '../runtime/errors.js';
import { isRefusal, type ClusterAccess, type OperationArgs, type OperationName, type OperationResult, type Runtime } from '../runtime/runtime.js';
import { openCluster } from './open-cluster.js';

/** Runs one operation with the runtime's own tool, or refuses in one line naming the runtime and what it can do. */
export async function runOperation<Op extends OperationName>(runtime: Runtime, cluster: ClusterAccess, op: Op, args: OperationArgs[Op]): Promise<OperationResult> {
  const impl = runtime.operations[op];
  if (isRefusal(impl)) throw new RuntimeError('runtime-refused', `${op} is not something ${runtime.name} can do: ${impl.refused}`);
  return (impl as (c: ClusterAccess, a: OperationArgs[Op]) => Promise<OperationResult>)(cluster, args);
}

/** `hactl standby|online|move|unmove|stop|start|cleanup|is-active` on a stack's running cluster, wherever it runs. */
export async function operate<Op extends OperationName>(stack: string, op: Op, args: OperationArgs[Op], options: { provider?: ProviderName } = {}): Promise<OperationResult> {
  const cluster = await openCluster(stack, options.provider);
  try {
    return await runOperation(cluster.runtime, cluster.access, op, args);
  } finally {
    await cluster.close();
  }
}
