import type { Fault } from '../../src/operations/faults.js';
import type { ProviderName } from '../../src/provider/provider.js';

export interface TestFailoverCliOptions {
  fault: Fault;
  service?: string;
  timeout: string;
  repeat: string;
  provider?: ProviderName;
}

export async function testFailoverCommand(stack: string, options: TestFailoverCliOptions): Promise<number> {
  const { testFailover } = await import('../../src/operations/failover.js');
  const repeat = Number(options.repeat);
  const series = await testFailover(stack, {
    fault: options.fault,
    ...(options.service ? { service: options.service } : {}),
    ...(options.provider ? { provider: options.provider } : {}),
    timeoutMs: Number(options.timeout) * 1000,
    repeat,
    onRun: (r) => {
      process.stdout.write(`${r.service} (${r.vip}): ${r.fault} on ${r.from} -> answered from ${r.to} after ${r.ms.toFixed(0)} ms\n`);
      for (const side of r.sides ?? []) process.stdout.write(`  ${side.node} runs ${side.runs.join(', ') || 'nothing'}\n`);
    },
  });
  if (repeat > 1) process.stdout.write(`${repeat} runs: median ${series.medianMs.toFixed(0)} ms, min ${series.minMs.toFixed(0)} ms, max ${series.maxMs.toFixed(0)} ms\n`);
  return 0;
}
