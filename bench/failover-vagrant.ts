/**
 * The bundled agent and keepalived on the same two Vagrant VMs, in one run: `up` of stacks/vagrant-agent.yaml (VMs
 * made, agent bundle pushed), --reps failovers per fault through hactl's own failover test (this host probes the VIP
 * every 10 ms), then the agent removed and stacks/vagrant-agent-keepalived.yaml brought up on the same VMs and
 * measured the same way, then the VMs destroyed (also after a failure).
 *
 *   flock /work/.vagrant.lock npx tsx bench/failover-vagrant.ts [--reps 3] [--faults kill,link] [--json FILE]
 *
 * Needs root, libvirt and the box built (scripts/build-box); starts libvirtd as the Vagrant tests do and leaves nothing
 * behind that was not there before (their test/e2e/vagrant-host.ts); runs in a scratch directory (its .hactl/vagrant).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadStack } from '../src/load/load-stack.js';
import { down } from '../src/operations/down.js';
import type { OperationEvent } from '../src/operations/events.js';
import { testFailover } from '../src/operations/failover.js';
import type { Fault } from '../src/operations/faults.js';
import { up } from '../src/operations/up.js';
import { uninstallAgent } from '../src/provider/host/agent-install.js';
import { connectMachines } from '../src/provider/vagrant/index.js';
import { vagrantWorkdir } from '../src/render/vagrant/workdir.js';
import { closeTransports } from '../src/transport/open-transports.js';
import { openLibvirtHost } from '../test/e2e/vagrant-host.js';
import { ROOT } from './failover-lab.js';
import { fmt, markdownTable, summarize } from './failover-stats.js';

const { values } = parseArgs({ options: { reps: { type: 'string', default: '3' }, faults: { type: 'string', default: 'kill,link' }, json: { type: 'string' } } });
const reps = Number(values.reps);
const faults = values.faults.split(',') as Fault[];
const STACKS = { agent: join(ROOT, 'stacks/vagrant-agent.yaml'), keepalived: join(ROOT, 'stacks/vagrant-agent-keepalived.yaml') };
process.env.HACTL_AUTHKEY ??= 'bench-vagrant-agent-key';
process.env.HACTL_VRRP_PASS ??= 'benchpw'; // VRRP PASS keeps 8 characters at most

interface RuntimeRun {
  upMs: number;
  /** the provider's own lines while `up` ran (agent install size and time, phase times) */
  notes: string[];
  samples: Record<string, (number | undefined)[]>;
  errors: string[];
}

const noteOf = (e: OperationEvent | { type: string; [k: string]: unknown }): string | undefined => {
  const ev = e as { type: string; node?: string; message?: string; phase?: string; ms?: number };
  if (ev.type === 'machine-message' && ev.message?.startsWith('agent installed')) return `${ev.node}: ${ev.message}`;
  if (ev.type === 'phase-done') return `${ev.phase}: ${((ev.ms ?? 0) / 1000).toFixed(1)} s`;
  return undefined;
};

async function measure(stack: string): Promise<RuntimeRun> {
  const notes: string[] = [];
  const result = await up(stack, { provider: 'vagrant', onEvent: (e) => void (noteOf(e) && notes.push(noteOf(e)!)) });
  const run: RuntimeRun = { upMs: result.totalMs, notes, samples: {}, errors: [] };
  for (const fault of faults) {
    run.samples[fault] = [];
    for (let i = 0; i < reps; i++) {
      try {
        const series = await testFailover(stack, { provider: 'vagrant', fault, timeoutMs: 60_000 });
        run.samples[fault].push(series.runs[0]!.ms);
      } catch (e) {
        run.samples[fault].push(undefined);
        run.errors.push(`${fault}: ${(e as Error).message}`);
      }
      console.error(`${stack.split('/').at(-1)} ${fault} #${i + 1}: ${run.samples[fault].at(-1) ?? 'failed'} ms`);
    }
  }
  return run;
}

const host = await openLibvirtHost();
const cwd = mkdtempSync(join(tmpdir(), 'hactl-bench-vagrant-'));
process.chdir(cwd);
const runs: Partial<Record<'agent' | 'keepalived', RuntimeRun>> = {};
const started = new Date();
try {
  runs.agent = await measure(STACKS.agent);
  // the agent leaves the VMs before keepalived takes the same VIP on them
  const model = (await loadStack(STACKS.agent)).model!;
  const nodes = await connectMachines(model, vagrantWorkdir(model.cluster), false);
  try {
    for (const t of nodes.values()) await uninstallAgent(t);
  } finally {
    await closeTransports(nodes.values());
  }
  runs.keepalived = await measure(STACKS.keepalived);
} finally {
  await down(STACKS.agent, { provider: 'vagrant' }).catch((e: unknown) => console.error(`down: ${(e as Error).message}`));
  process.chdir(ROOT);
  rmSync(cwd, { recursive: true, force: true });
  const leftovers = await host.cleanup();
  if (leftovers.length) console.error(`left behind: ${leftovers.join(', ')}`);
}

const rows = faults.map((fault) => {
  const [a, k] = [summarize(runs.agent!.samples[fault]!), summarize(runs.keepalived!.samples[fault]!)];
  return [fault, `${fmt(a.median)} (${a.n} ok of ${reps})`, `${fmt(k.median)} (${k.n} ok of ${reps})`, k.median ? `${(a.median / k.median).toFixed(1)}x` : '-'];
});
console.log(`agent vs keepalived on the same two Vagrant VMs (${cpus().length} host CPUs, ${started.toISOString()}), failover to the first answer from the other node, median:`);
console.log(markdownTable(['fault', 'agent', 'keepalived', 'agent / keepalived'], rows));
console.log(`up: agent ${fmt(runs.agent!.upMs)}, keepalived on the same VMs ${fmt(runs.keepalived!.upMs)}`);
for (const [name, run] of Object.entries(runs)) console.log(`${name}: ${run.notes.join('; ')}${run.errors.length ? `; errors: ${run.errors.join(' | ')}` : ''}`);
if (values.json) writeFileSync(values.json, JSON.stringify({ started, reps, runs }, null, 2));
