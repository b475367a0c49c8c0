import type { ProviderName } from '../../src/provider/provider.js';

export async function downCommand(stack: string, options: { provider?: ProviderName }): Promise<number> {
  const { down } = await import('../../src/operations/down.js');
  const report = await down(stack, options);
  process.stdout.write(`${report.detail}\n`);
  return 0;
}
