import { existsSync } from 'node:fs';
import type { ClusterModel } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';
import { closeTransports } from '../../transport/open-transports.js';
import { quote } from '../../transport/shell.js';
import type { Transport } from '../../transport/transport.js';
import { runtimeServices } from '../../render/vagrant/runtime.js';
import { mustRunVagrant } from '../../host-tools/vagrant-cli.js';
import { connectMachines } from './connect.js';
import { machineStates } from './machine-states.js';
import { vagrantWorkdir } from '../../render/vagrant/workdir.js';

export interface MachineStatus {
  node: string;
  /** vagrant's state: running, shutoff, not_created, … */
  state: string;
  /** runtime daemons and whether each is active (running machines only) */
  services: Record<string, boolean>;
  /** the stack's VIPs this machine holds now */
  vips: string[];
}

export function stackVips(model: ClusterModel): string[] {
  const vrrp = model.vrrp.flatMap((v) => [...v.vips, ...v.excludedVips]);
  const primitives = allPrimitives(model).flatMap((p) => (p.kind === 'vip' ? [p.ip] : []));
  return [...new Set([...vrrp, ...primitives].map((v) => v.split('/')[0]!))];
}

/** The stack's VIPs among the node's addresses, from `ip -4 -o addr`. */
export async function heldVips(transport: Transport, vips: readonly string[]): Promise<string[]> {
  const r = await transport.exec('ip -4 -o addr show');
  const addresses = new Set([...r.stdout.matchAll(/\binet (\d+\.\d+\.\d+\.\d+)\//g)].map((m) => m[1]));
  return vips.filter((v) => addresses.has(v));
}

async function serviceStates(transport: Transport, services: readonly string[]): Promise<Record<string, boolean>> {
  const states: Record<string, boolean> = {};
  for (const s of services) {
    const r = await transport.exec(`systemctl is-active --quiet ${quote(s)} 2>/dev/null || service ${quote(s)} status >/dev/null 2>&1`);
    states[s] = r.code === 0;
  }
  return states;
}

/** Each machine's Vagrant state; once every machine runs, also its runtime daemons and the VIPs it holds (over pinned SSH). */
export async function vagrantStatus(model: ClusterModel, opts: { baseDir?: string } = {}): Promise<MachineStatus[]> {
  const dir = vagrantWorkdir(model.cluster, opts.baseDir);
  if (!existsSync(dir.root)) return model.nodes.map((n) => ({ node: n.name, state: 'not_created', services: {}, vips: [] }));
  const states = machineStates((await mustRunVagrant(['status'], { cwd: dir.root })).records);
  const status: MachineStatus[] = model.nodes.map((n) => ({ node: n.name, state: states.get(n.name) ?? 'unknown', services: {}, vips: [] }));
  if (!status.every((s) => s.state === 'running')) return status;
  const services = runtimeServices(model);
  const vips = stackVips(model);
  const transports = await connectMachines(model, dir, false);
  try {
    await Promise.all(status.map(async (s) => {
      const t = transports.get(s.node)!;
      s.services = await serviceStates(t, services);
      s.vips = await heldVips(t, vips);
    }));
  } finally {
    await closeTransports(transports.values());
  }
  return status;
}
