import type { ProviderName } from '../../src/provider/provider.js';

export async function chaosCommand(stack: string, action: string, node: string, extra: string[], options: { provider?: ProviderName }): Promise<number> {
  const { chaos } = await import('../../src/operations/chaos.js');
  process.stdout.write(`${await chaos(stack, action, node, extra, options)}\n`);
  return 0;
}
