/**
 * Failover cells for the cluster managers (heartbeat v1, Pacemaker on Corosync 3) and the start-up/memory figures of
 * every runtime, measured through hactl itself: `up` of a two-node stack on the lab (its time to healthy is the
 * start-up figure), the RSS of the runtime's daemons per node, then `measureFailover` (client polling TCP on the VIP
 * every 10 ms, as the agent/keepalived harness does), then `down`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLab } from '../src/netns/index.js';
import { down } from '../src/operations/down.js';
import { measureFailover } from '../src/operations/failover.js';
import type { Fault } from '../src/operations/faults.js';
import { openCluster } from '../src/operations/open-cluster.js';
import { up } from '../src/operations/up.js';
import { daemonProcesses } from '../src/provider/lab/daemons.js';
import { labName } from '../src/provider/lab/lab-spec.js';
import { ROOT } from './failover-lab.js';

export type ClusterKind = 'agent' | 'keepalived' | 'heartbeat' | 'pacemaker';

export interface ClusterCell {
  kind: ClusterKind;
  name: string;
  /** the stack the cell brings up, as YAML (paths absolute) */
  stack: string;
}

const FIXTURES = join(ROOT, 'test', 'runtime', 'fixtures', 'stacks');
const KEYS = join(ROOT, '.hactl', 'keys');
// the lab test stacks, with their key files made absolute so the stack can be written anywhere
const fixture = (file: string) => readFileSync(join(FIXTURES, file), 'utf8').replace(/file: \.\.\/\.\.\/\.\.\/\.\.\/\.hactl\/keys\//g, `file: ${KEYS}/`);
const rename = (yaml: string, cluster: string) => yaml.replace(/^cluster: .*$/m, `cluster: ${cluster}`);

/** heartbeat v1 at the timings of its own sample ha.cf (keepalive 2 s, deadtime 30 s) and at 100 ms. */
function heartbeatStack(keepalive: string, warntime: string, deadtime: string, initdead: string, cluster: string): string {
  return rename(fixture('hb-web.yaml'), cluster)
    .replace(/keepalive: .*/, `keepalive: ${keepalive}`)
    .replace(/warntime: .*/, `warntime: ${warntime}`)
    .replace(/deadtime: .*/, `deadtime: ${deadtime}`)
    .replace(/initdead: .*/, `initdead: ${initdead}`);
}

const pacemakerStack = (token: string, cluster: string) => rename(fixture('pm-web.yaml'), cluster).replace(/token: .*/, `token: ${token}`);

export const CLUSTER_CELLS: Record<string, ClusterCell> = {
  'agent': { kind: 'agent', name: 'agent (keepalive 100 ms, deadtime 500 ms)', stack: rename(fixture('ag-web.yaml'), 'b-agent') },
  'keepalived': { kind: 'keepalived', name: 'keepalived (advert_int 1 s)', stack: rename(fixture('ka-web.yaml'), 'b-keepalived') },
  'heartbeat-defaults': { kind: 'heartbeat', name: 'heartbeat (keepalive 2 s, deadtime 30 s)', stack: heartbeatStack('2s', '10s', '30s', '60s', 'b-heartbeat') },
  'heartbeat-100ms': { kind: 'heartbeat', name: 'heartbeat (keepalive 100 ms, deadtime 500 ms)', stack: heartbeatStack('100ms', '300ms', '500ms', '2s', 'b-heartbeat') },
  'pacemaker-3000': { kind: 'pacemaker', name: 'pacemaker (token 3000 ms)', stack: pacemakerStack('3000ms', 'b-pacemaker') },
  'pacemaker-1000': { kind: 'pacemaker', name: 'pacemaker (token 1000 ms)', stack: pacemakerStack('1000ms', 'b-pacemaker') },
};

export interface ClusterRun {
  cell: string;
  startupMs: number;
  /** RSS of the runtime's daemons (every process they started, the test service excepted), per node */
  rssMb: Record<string, number>;
  samples: { fault: Fault; ms: number | undefined; error?: string }[];
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Brings the cell's stack up, measures start-up, memory and `reps` failovers per fault, and always takes it down. */
export async function runClusterCell(key: string, faults: readonly Fault[], reps: number, log: (m: string) => void): Promise<ClusterRun> {
  const cell = CLUSTER_CELLS[key];
  if (!cell) throw new Error(`unknown cell ${key} (${Object.keys(CLUSTER_CELLS).join(', ')})`);
  const dir = mkdtempSync('/var/tmp/hactl-bench-stack-');
  const file = join(dir, 'stack.yaml');
  writeFileSync(file, cell.stack);
  const env = { HACTL_VRRP_PASS: '1111' };
  try {
    await down(file).catch(() => undefined);
    const result = await up(file, { provider: 'lab', env });
    log(`${cell.name}: up in ${(result.totalMs / 1000).toFixed(1)} s`);
    const cluster = await openCluster(file, 'lab');
    const run: ClusterRun = { cell: key, startupMs: result.totalMs, rssMb: {}, samples: [] };
    try {
      const lab = openLab(labName(cluster.model));
      for (const node of cluster.model.nodes) {
        const procs = cluster.runtime.daemons(cluster.model, { hactl: cluster.session.hactl })
          .flatMap((d) => daemonProcesses(lab, node.name, d).all)
          .filter((p) => !p.argv.join(' ').includes('createServer'));
        run.rssMb[node.name] = procs.reduce((sum, p) => sum + rssKb(p.pid), 0) / 1024;
      }
      for (const fault of faults) {
        if (cell.kind === 'keepalived' && fault === 'service') continue;
        for (let i = 0; i < reps; i++) {
          try {
            const r = await measureFailover(cluster, { fault, timeoutMs: 60_000 });
            run.samples.push({ fault, ms: r.ms });
            log(`  ${cell.name} ${fault} #${i + 1}: ${Math.round(r.ms)} ms (${r.from} -> ${r.to})`);
          } catch (e) {
            run.samples.push({ fault, ms: undefined, error: (e as Error).message });
            log(`  ${cell.name} ${fault} #${i + 1}: failed: ${(e as Error).message}`);
          }
        }
      }
    } finally {
      await cluster.close();
    }
    return run;
  } finally {
    await down(file).catch((e: unknown) => log(`down: ${(e as Error).message}`));
    rmSync(dir, { recursive: true, force: true });
  }
}
