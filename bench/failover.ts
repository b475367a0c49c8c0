/**
 * Failover benchmark: the bundled agent and keepalived side by side on the same namespace lab, measured from the
 * client namespace (TCP on the VIP every 10 ms) as the time from fault to the first answer of the new node; then, in
 * the same run, heartbeat v1 and Pacemaker+Corosync 3 brought up by hactl on the lab and measured by hactl's own
 * failover test (same probe, same 10 ms), plus each runtime's start-up time (up -> healthy) and daemon RSS.
 *
 *   npx tsx bench/failover.ts [--reps 10] [--tunings defaults,100ms,10ms] [--scenarios kill,link,service]
 *                             [--daemons agent,keepalived] [--idle 60] [--json FILE]
 *                             [--clusters heartbeat-defaults,heartbeat-100ms,pacemaker-3000,pacemaker-1000]
 *                             [--footprint agent,keepalived]
 *
 * False failovers over idle minutes: bench/failover-soak.ts.
 * Needs root, iproute2, nft, curl, keepalived. Tears the lab down (namespaces, processes by PID) on exit.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, release } from 'node:os';
import { parseArgs } from 'node:util';
import type { Fault } from '../src/operations/faults.js';
import { CLUSTER_CELLS, runClusterCell, type ClusterRun } from './failover-cluster.js';
import { Bench, buildAgent, procSample, sleep, type Daemon, type Tuning } from './failover-lab.js';
import { fmt, markdownTable, summarize } from './failover-stats.js';

type Scenario = 'kill' | 'link' | 'service';

const TUNINGS: Record<string, Tuning> = {
  defaults: { name: 'defaults (1 s)', intervalMs: 1000, checkMs: 1000 },
  '100ms': { name: '100 ms', intervalMs: 100, checkMs: 100 },
  '10ms': { name: '10 ms', intervalMs: 10, checkMs: 10 },
};

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '10' },
    tunings: { type: 'string', default: 'defaults,100ms,10ms' },
    scenarios: { type: 'string', default: 'kill,link,service' },
    daemons: { type: 'string', default: 'agent,keepalived' },
    idle: { type: 'string', default: '60' },
    json: { type: 'string' },
    clusters: { type: 'string', default: 'heartbeat-defaults,heartbeat-100ms,pacemaker-3000,pacemaker-1000' },
    // runtimes brought up by hactl only for their start-up time and memory (their failovers are the harness's above)
    footprint: { type: 'string', default: 'agent,keepalived' },
  },
});
const clusterCells = values.clusters.split(',').filter(Boolean);
const footprintCells = values.footprint.split(',').filter(Boolean);
const clusterRuns: ClusterRun[] = [];
const reps = Number(values.reps);
const tunings = values.tunings.split(',').filter(Boolean).map((k) => {
  const t = TUNINGS[k];
  if (!t) throw new Error(`unknown tuning ${k} (${Object.keys(TUNINGS).join(', ')})`);
  return t;
});
const scenarios = values.scenarios.split(',') as Scenario[];
const daemons = values.daemons.split(',').filter(Boolean) as Daemon[];
const idleSeconds = Number(values.idle);

interface Sample {
  tuning: string;
  daemon: Daemon;
  scenario: Scenario;
  ms: number | undefined;
}

const samples: Sample[] = [];
const footprint: Array<{ tuning: string; node: string; rssMb: number; cpuPercent: number; seconds: number }> = [];

function log(msg: string): void {
  console.error(`[${new Date().toISOString().slice(11, 23)}] ${msg}`);
}

async function startPair(bench: Bench, daemon: Daemon, t: Tuning): Promise<void> {
  bench.writeConfigs(daemon, t);
  await bench.startDaemon(daemon, 'n1', t);
  await sleep(daemon === 'keepalived' ? 200 : 0);
  await bench.startDaemon(daemon, 'n2', t);
  if (!(await bench.steadyOn('n1', 20, 60_000))) throw new Error(`${daemon} (${t.name}): the VIP never settled on n1`);
}

async function once(bench: Bench, daemon: Daemon, scenario: Scenario, t: Tuning): Promise<number | undefined> {
  let t0 = Date.now();
  if (scenario === 'kill') await bench.crash(daemon, 'n1');
  else if (scenario === 'link') {
    // The link is down once `ip link set` returns; spawning it takes 5-15 ms that belong to neither daemon.
    await bench.lab.setLink('n1', 'eth0', 'down');
    t0 = Date.now();
  } else await bench.killService('n1');
  const answer = await bench.nextAnswer(t0, (a) => a.node === 'n2', Math.max(30_000, t.intervalMs * 20));
  // Put n1 back in charge for the next repetition.
  if (scenario === 'kill') {
    await bench.removeStaleVip('n1');
    await bench.startDaemon(daemon, 'n1', t);
  } else if (scenario === 'link') {
    await bench.lab.setLink('n1', 'eth0', 'up');
  } else {
    bench.startService('n1');
    await bench.waitFor('the service on n1', async () => (await bench.lab.exec('n1', ['curl', '-sf', '-m', '1', 'http://127.0.0.1:8080/'])).exitCode === 0, 10_000);
    if (daemon === 'keepalived') await bench.startDaemon(daemon, 'n1', t);
    else await bench.cleanupAgent('n1');
  }
  if (!(await bench.steadyOn('n1', 20, 60_000))) throw new Error(`${daemon} ${scenario} (${t.name}): n1 did not take the VIP back`);
  await sleep(200 + Math.random() * 300);
  return answer ? answer.at - t0 : undefined;
}

async function measureFootprint(bench: Bench, t: Tuning): Promise<void> {
  const pids = { n1: bench.daemonPid('agent', 'n1')!, n2: bench.daemonPid('agent', 'n2')! };
  const before = { n1: procSample(pids.n1), n2: procSample(pids.n2) };
  log(`idle footprint of the agent at ${t.name} over ${idleSeconds} s`);
  await sleep(idleSeconds * 1000);
  for (const n of ['n1', 'n2'] as const) {
    const after = procSample(pids[n]);
    footprint.push({
      tuning: t.name,
      node: n === 'n1' ? 'n1 (active)' : 'n2 (standby)',
      rssMb: after.rssKb / 1024,
      cpuPercent: ((after.cpuTicks - before[n].cpuTicks) / 100 / idleSeconds) * 100,
      seconds: idleSeconds,
    });
  }
}

async function main(): Promise<void> {
  log('building the agent');
  const built = buildAgent();
  const bench = new Bench('bench', built.main);
  const cleanup = async (): Promise<void> => {
    await bench.teardown().catch((e: unknown) => log(`teardown: ${(e as Error).message}`));
    rmSync(built.dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    log('building the lab');
    await bench.setup();
    for (const t of tunings) {
      for (const daemon of daemons) {
        log(`${daemon} at ${t.name}`);
        await startPair(bench, daemon, t);
        for (const scenario of scenarios) {
          for (let i = 0; i < reps; i++) {
            const ms = await once(bench, daemon, scenario, t);
            samples.push({ tuning: t.name, daemon, scenario, ms });
            log(`  ${scenario} #${i + 1}: ${ms === undefined ? 'no failover seen' : `${ms} ms`}`);
          }
        }
        if (daemon === 'agent' && idleSeconds > 0) await measureFootprint(bench, t);
        await bench.stopDaemons();
      }
    }
  } finally {
    await cleanup();
  }
  for (const key of [...footprintCells, ...clusterCells]) {
    log(`${CLUSTER_CELLS[key]?.name ?? key} through hactl up`);
    clusterRuns.push(await runClusterCell(key, clusterCells.includes(key) ? (scenarios as Fault[]) : [], reps, log));
  }
  report();
}

function report(): void {
  const out: string[] = [];
  out.push(`Failover benchmark, ${new Date().toISOString()} on ${hostname()} (${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Linux ${release()}, node ${process.version})`);
  out.push(`Command: npx tsx bench/failover.ts ${process.argv.slice(2).join(' ')}`.trim());
  out.push(`${reps} repetitions per cell; time from fault to the first answer of the new node on the VIP, client polling TCP every 10 ms.`);
  out.push('');
  const rows: string[][] = [];
  for (const t of tunings) {
    for (const s of scenarios) {
      const cell = (d: Daemon) => summarize(samples.filter((x) => x.tuning === t.name && x.scenario === s && x.daemon === d).map((x) => x.ms));
      const a = cell('agent');
      const k = cell('keepalived');
      const show = (x: ReturnType<typeof summarize>) => (x.n === 0 ? '-' : `${fmt(x.median)} (${fmt(x.min)}-${fmt(x.max)})${x.failed ? `, ${x.failed} missed` : ''}`);
      const ratio = a.n && k.n ? (a.median / k.median).toFixed(2) : '-';
      rows.push([t.name, s, show(a), show(k), ratio]);
    }
  }
  out.push(markdownTable(['tuning', 'scenario', 'agent median (min-max)', 'keepalived median (min-max)', 'agent/keepalived'], rows));
  if (footprint.length) {
    out.push('');
    out.push(markdownTable(['tuning', 'agent', 'RSS', 'CPU (idle)'], footprint.map((f) => [f.tuning, f.node, `${f.rssMb.toFixed(1)} MB`, `${f.cpuPercent.toFixed(2)} % over ${f.seconds} s`])));
  }
  if (clusterRuns.length) out.push('', ...allRuntimes());
  console.log(out.join('\n'));
  if (values.json) writeFileSync(values.json, JSON.stringify({ samples, footprint, clusterRuns }, null, 2));
}

/** The four runtimes side by side, each cell's median with the ratio to keepalived at its defaults; then start-up and memory. */
function allRuntimes(): string[] {
  const show = (x: ReturnType<typeof summarize>) => (x.n === 0 ? '-' : `${fmt(x.median)} (${fmt(x.min)}-${fmt(x.max)})${x.failed ? `, ${x.failed} missed` : ''}`);
  const reference = (s: Scenario) => summarize(samples.filter((x) => x.daemon === 'keepalived' && x.tuning === TUNINGS.defaults!.name && x.scenario === s).map((x) => x.ms));
  const ratio = (x: ReturnType<typeof summarize>, s: Scenario) => {
    const k = reference(s);
    return x.n && k.n ? ` ×${(x.median / k.median).toFixed(2)}` : '';
  };
  const rows: string[][] = [];
  for (const t of tunings) {
    for (const d of daemons) {
      rows.push([`${d} (${t.name})`, ...scenarios.map((s) => {
        const x = summarize(samples.filter((y) => y.tuning === t.name && y.daemon === d && y.scenario === s).map((y) => y.ms));
        return `${show(x)}${ratio(x, s)}`;
      })]);
    }
  }
  for (const run of clusterRuns.filter((r) => clusterCells.includes(r.cell))) {
    rows.push([CLUSTER_CELLS[run.cell]!.name, ...scenarios.map((s) => {
      const x = summarize(run.samples.filter((y) => y.fault === s).map((y) => y.ms));
      return `${show(x)}${ratio(x, s)}`;
    })]);
  }
  const out = [
    `All four runtimes, ${reps} repetitions per cell; × = median / keepalived ${TUNINGS.defaults!.name} median for the same fault.`,
    'agent and keepalived rows: the harness above; heartbeat and pacemaker rows: `hactl up` + `hactl test failover` on the lab.',
    '',
    markdownTable(['runtime (timings)', ...scenarios], rows),
    '',
    'Start-up (`hactl up` -> every VIP answering from one node, lab creation included) and daemon RSS per node:',
    '',
    markdownTable(['runtime (timings)', 'up -> healthy', 'RSS per node'], clusterRuns.map((r) => [
      CLUSTER_CELLS[r.cell]!.name,
      `${(r.startupMs / 1000).toFixed(1)} s`,
      Object.entries(r.rssMb).map(([n, mb]) => `${n} ${mb.toFixed(1)} MB`).join(', '),
    ])),
  ];
  return out;
}

main().catch((err: unknown) => {
  log(`failed: ${(err as Error).stack ?? String(err)}`);
  process.exitCode = 1;
});
