import type { Fault } from '../../src/operations/faults.js';
import type { ProviderName } from '../../src/provider/provider.js';

export interface TestFailoverCliOptions {
  fault: Fault;
  service?: string;
  timeout: string;
  repeat: string;
  plot?: string;
  history: string;
  provider?: ProviderName;
}

export async function testFailoverCommand(stack: string, options: TestFailoverCliOptions): Promise<number> {
  const { measureFailover, summarize } = await import('../../src/operations/failover.js');
  const { openCluster } = await import('../../src/operations/open-cluster.js');
  const { appendHistory, tuningOf } = await import('../../src/observe/history/history.js');
  const repeat = Number(options.repeat);
  const cluster = await openCluster(stack, options.provider);
  const { model } = cluster;
  const runs = [];
  try {
    for (let i = 0; i < repeat; i++) {
      const onFault = (f: { fault: string; node: string; detail: string }, at: number) =>
        appendHistory(options.history, { kind: 'fault', date: new Date(at).toISOString(), stack, cluster: model.cluster, fault: f.fault, node: f.node, detail: f.detail });
      const r = await measureFailover(cluster, { fault: options.fault, ...(options.service ? { service: options.service } : {}), timeoutMs: Number(options.timeout) * 1000, onFault });
      process.stdout.write(`${r.service} (${r.vip}): ${r.fault} on ${r.from} -> answered from ${r.to} after ${r.ms.toFixed(0)} ms\n`);
      for (const side of r.sides ?? []) process.stdout.write(`  ${side.node} runs ${side.runs.join(', ') || 'nothing'}\n`);
      // each result is kept as soon as it is measured: a later run that fails does not lose it
      await appendHistory(options.history, {
        kind: 'test-failover', date: new Date().toISOString(), stack, cluster: model.cluster, runtime: model.runtime, tuning: tuningOf(model),
        fault: r.fault, service: r.service, vip: r.vip, from: r.from, to: r.to, ms: Math.round(r.ms),
      });
      runs.push(r);
    }
  } finally {
    await cluster.close();
  }
  const series = summarize(runs);
  if (repeat > 1) process.stdout.write(`${repeat} runs: median ${series.medianMs.toFixed(0)} ms, min ${series.minMs.toFixed(0)} ms, max ${series.maxMs.toFixed(0)} ms\n`);
  if (options.plot) {
    const { failoverPlot, runCount } = await import('../../src/observe/history/plot.js');
    const { writeOutputFile } = await import('../../src/observe/write-file.js');
    const points = runs.map((r) => ({ ms: r.ms, label: `${r.fault} ${r.from} → ${r.to}` }));
    await writeOutputFile(options.plot, failoverPlot({ ...series, runs: points }, `failover of ${runs[0]?.service ?? model.cluster} (${options.fault}), ${model.runtime}`));
    process.stderr.write(`plot of ${runCount(repeat)} written to ${options.plot}\n`);
  }
  return 0;
}
