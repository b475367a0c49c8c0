import { LabError } from '../../netns/errors.js';
import { readdirSync, readFileSync } from 'node:fs';
import type { Lab } from '../../netns/index.js';
import type { ClusterModel } from '../../model/model.js';
import { inSubnet } from '../../model/network.js';
import { memberName } from './lab-spec.js';
import { runningRuntime, startRuntime } from './runtimes.js';
import type { RenderedFile } from '../../render/artifact.js';

export type Fault = 'kill' | 'link' | 'service';

function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * SIGKILL of the node's runtime daemon and every process it started (keepalived's VRRP child would otherwise
 * see its parent die and resign gracefully, which is not a crash). Returns the daemon's PID.
 */
export function killRuntime(lab: Lab, model: ClusterModel, node: string): number {
  const daemons = runningRuntime(lab, model, node);
  if (daemons.length === 0) throw new LabError('lab-chaos-failed', `no ${model.runtime} daemon is running on ${node}`);
  const roots = daemons.map((d) => d.pid);
  // Stopped first so no child can react to a sibling's death, then killed all at once.
  signalAll([...roots, ...roots.flatMap(descendants)], 'SIGSTOP');
  signalAll([...roots, ...roots.flatMap(descendants)], 'SIGKILL');
  return roots[0]!;
}

/** Children, grandchildren, ... of a PID, from /proc (the lab has no PID namespaces). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited while we looked
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** Starts the node's runtime again; refused while one still runs there (two agents on a node would fight over it). */
export function restartRuntime(lab: Lab, model: ClusterModel, node: string, files: readonly RenderedFile[]): number {
  const running = runningRuntime(lab, model, node);
  if (running.length > 0) throw new LabError('lab-chaos-failed', `${model.runtime} already runs on ${node} (pid ${running.map((p) => p.pid).join(', ')})`);
  const daemon = startRuntime(lab, model, node, files);
  daemon.unref();
  return daemon.pid;
}

/** The PID listening on a TCP port inside the node, found by socket, not by process name. */
export async function listenerPid(lab: Lab, node: string, port: number): Promise<number | undefined> {
  const r = await lab.exec(memberName(node), ['ss', '-Htlnp', `sport = :${port}`]);
  const match = /pid=(\d+)/.exec(r.stdout);
  return match ? Number(match[1]) : undefined;
}

/** Kills the service process that listens on the port (the agent's monitor must notice and recover). */
export async function killService(lab: Lab, node: string, port: number): Promise<number> {
  const pid = await listenerPid(lab, node, port);
  if (pid === undefined) throw new LabError('lab-chaos-failed', `nothing listens on port ${port} on ${node}`);
  const r = await lab.exec(memberName(node), ['kill', '-KILL', String(pid)]);
  if (r.exitCode !== 0) throw new LabError('lab-chaos-failed', `cannot kill ${pid} on ${node}: ${r.stderr.trim()}`);
  return pid;
}

/** The NIC a VIP lives on, on a given node (the one whose subnet holds it). */
export function nicForVip(model: ClusterModel, node: string, vip: string): string {
  const n = model.nodes.find((x) => x.name === node);
  const nic = n?.nics.find((x) => inSubnet(vip, x));
  if (!nic) throw new LabError('lab-chaos-failed', `${node} has no NIC in the subnet of ${vip}`);
  return nic.name;
}
