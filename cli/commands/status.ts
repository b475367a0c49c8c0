import { stackTarget, type TargetOptions } from '../target.js';

/** `hactl status`: a stack's cluster wherever it runs (one model for every runtime), or this node's agent. */
export async function statusCommand(options: TargetOptions & { json?: boolean }): Promise<number> {
  const target = stackTarget(options);
  if (!target) {
    const { localAgentStatus } = await import('./agent.js');
    return localAgentStatus(options);
  }
  const { clusterStatus } = await import('../../src/operations/status.js');
  const { formatStatus } = await import('../../src/runtime/format-status.js');
  const status = await clusterStatus(target.stack, target.provider ? { provider: target.provider } : {});
  process.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
  return 0;
}
