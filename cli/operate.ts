import type { OperationArgs, OperationName } from '../src/runtime/runtime.js';
import { stackTarget, type TargetOptions } from './target.js';

/**
 * The verbs that change a running cluster: on a stack's cluster through its runtime's own tool (crm, hb_standby,
 * keepalived, the agent), or on this node's agent without a stack.
 */
export async function operateCommand<Op extends Exclude<OperationName, 'is-active'>>(op: Op, args: OperationArgs[Op], options: TargetOptions): Promise<number> {
  const target = stackTarget(options);
  if (!target) {
    const { localAgentControl } = await import('./commands/agent.js');
    return localAgentControl(op, args, options);
  }
  const { operate } = await import('../src/operations/operate.js');
  const result = await operate(target.stack, op, args, target.provider ? { provider: target.provider } : {});
  process.stdout.write(`${result.via}: ${result.command}${result.output ? `\n${result.output}` : ''}\n`);
  return 0;
}
