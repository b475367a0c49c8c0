/**
 * False failovers over an idle period: the agent and keepalived at the same tuning, each on its own lab, side by
 * side in the same minutes (so both see the same host hiccups).
 *
 *   npx tsx bench/failover-soak.ts [--seconds 600] [--interval 10]
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { agentStatus } from '../src/agent/control/client.js';
import { Bench, buildAgent, NODES, sleep, type Daemon, type Tuning } from './failover-lab.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '600' }, interval: { type: 'string', default: '10' } } });
const seconds = Number(values.seconds);
const interval = Number(values.interval);
const tuning: Tuning = { name: `${interval} ms`, intervalMs: interval, checkMs: interval };

function log(msg: string): void {
  console.error(`[${new Date().toISOString().slice(11, 23)}] ${msg}`);
}

function linesSince(file: string, offset: number): string[] {
  return readFileSync(file, 'utf8').slice(offset).split('\n');
}

/** pino JSON → "HH:MM:SS.mmm node cause"; keepalived lines are kept as printed. */
function eventLine(line: string): string {
  const node = line.slice(0, 2);
  try {
    const e = JSON.parse(line.slice(3)) as { time: string; peer: string; cause: string };
    return `${new Date(e.time).toISOString().slice(11, 23)} ${node} sees ${e.peer} dead: ${e.cause}`;
  } catch {
    return line.slice(0, 160);
  }
}

async function main(): Promise<void> {
  const built = buildAgent();
  const benches: Record<Daemon, Bench> = { agent: new Bench('soaka', built.main), keepalived: new Bench('soakk', built.main) };
  try {
    for (const [daemon, b] of Object.entries(benches) as Array<[Daemon, Bench]>) {
      await b.setup();
      b.writeConfigs(daemon, tuning);
      await b.startDaemon(daemon, 'n1', tuning);
      await sleep(200);
      await b.startDaemon(daemon, 'n2', tuning);
      if (!(await b.steadyOn('n1', 20, 60_000))) throw new Error(`${daemon}: the VIP never settled on n1`);
    }
    const logFile = (d: Daemon, n: string): string => join('/run/hactl/lab', benches[d].name, 'logs', n, `${d}.log`);
    const offsets = new Map<string, number>();
    for (const d of ['agent', 'keepalived'] as const) for (const n of ['n1', 'n2']) offsets.set(`${d}:${n}`, readFileSync(logFile(d, n), 'utf8').length);
    const since = Date.now();
    log(`soak: ${seconds} s idle at ${tuning.name}, agent and keepalived side by side`);
    await sleep(seconds * 1000);
    const report: string[] = [`${seconds} s idle at ${tuning.name}, agent and keepalived side by side:`];
    for (const d of ['agent', 'keepalived'] as const) {
      const lines = ['n1', 'n2'].flatMap((n) => linesSince(logFile(d, n), offsets.get(`${d}:${n}`)!).map((l) => `${n} ${l}`));
      const moved = await benches[d].nextAnswer(since, (a) => a.node !== 'n1', 1);
      if (d === 'agent') {
        const dead = lines.filter((l) => /"event":"node-state".*"to":"dead"/.test(l)).length;
        const late = lines.filter((l) => /"event":"node-state".*"to":"warn"/.test(l)).length;
        const starts = lines.filter((l) => /^n2 .*"event":"group-state".*"to":"starting"/.test(l)).length;
        report.push(`- agent: ${dead} peer declared dead, ${late} late heartbeats (warntime), ${starts} group starts on the standby, ${moved ? 'the client was answered by n2 (false failover)' : 'every answer from n1'}`);
      } else {
        const masters = lines.filter((l) => /^n2 .*Entering MASTER STATE/.test(l)).length;
        report.push(`- keepalived: ${masters} transitions of the backup to MASTER, ${moved ? 'the client was answered by n2 (false failover)' : 'every answer from n1'}`);
      }
    }
    report.push('', 'agent processes (largest event-loop delay, largest gap between two heartbeats sent):');
    for (const n of NODES) {
      const st = await agentStatus(benches.agent.controlSocket(n));
      report.push(`- ${n}: loop delay ${st.process.loopDelayMaxMs} ms, send gap ${st.process.sendGapMaxMs} ms`);
    }
    report.push('', 'when (agent: dead declarations; keepalived: backup -> MASTER):');
    for (const d of ['agent', 'keepalived'] as const) {
      const events = NODES.flatMap((n) => linesSince(logFile(d, n), offsets.get(`${d}:${n}`)!).map((l) => `${n} ${l}`))
        .filter((l) => (d === 'agent' ? /"to":"dead"/.test(l) : /^n2 .*Entering MASTER STATE/.test(l)));
      for (const l of events) report.push(`- ${d} ${eventLine(l)}`);
    }
    console.log(report.join('\n'));
  } finally {
    for (const b of Object.values(benches)) await b.teardown().catch((e: unknown) => log(`teardown: ${(e as Error).message}`));
    rmSync(built.dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  log(`failed: ${(err as Error).stack ?? String(err)}`);
  process.exitCode = 1;
});
