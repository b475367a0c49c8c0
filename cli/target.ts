import type { ProviderName } from '../src/provider/provider.js';

/** Where a verb acts: a stack's running cluster (on its lab, VMs or servers), or this node's own runtime. */
export interface TargetOptions {
  stack?: string;
  lab?: string;
  provider?: ProviderName;
  /** agent flags: on a node, without a stack */
  socket?: string;
  config?: string;
  haDir?: string;
  node?: string;
}

/** The stack and provider named by --stack/--provider, or --lab STACK; undefined when the verb runs on this node. */
export function stackTarget(options: TargetOptions): { stack: string; provider?: ProviderName } | undefined {
  if (options.lab) return { stack: options.lab, provider: 'lab' };
  if (options.stack) return { stack: options.stack, ...(options.provider ? { provider: options.provider } : {}) };
  return undefined;
}
