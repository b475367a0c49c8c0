import { hostname } from 'node:os';
import { stackTarget, type TargetOptions } from '../target.js';

/** Exit 0 only where GROUP runs: the "run this job on the active node only" test, for every runtime. */
export async function isActiveCommand(group: string, options: TargetOptions & { quiet?: boolean }): Promise<number> {
  const target = stackTarget(options);
  if (!target) {
    const { localIsActive } = await import('./agent.js');
    return localIsActive(group, options);
  }
  const { operate } = await import('../../src/operations/operate.js');
  const node = options.node ?? hostname();
  const result = await operate(target.stack, 'is-active', { group, node }, target.provider ? { provider: target.provider } : {});
  if (!options.quiet) process.stdout.write(`${result.output}\n`);
  return result.active ? 0 : 1;
}
