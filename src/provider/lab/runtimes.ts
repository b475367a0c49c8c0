import { LabError } from '../../netns/errors.js';
import { join } from 'node:path';
import type { Lab, LabProcess, TrackedProcess } from '../../netns/index.js';
import { stopTracked } from '../../netns/proc.js';
import type { ClusterModel, RuntimeName } from '../../model/model.js';
import { packageRoot } from '../../package-root.js';
import type { RenderedFile } from '../../render/artifact.js';
import { memberName } from './lab-spec.js';

import { AGENT_CONFIG_PATH } from '../../agent/config/paths.js';

type Launcher = (lab: Lab, node: string, files: readonly RenderedFile[]) => LabProcess;

interface LabRuntime {
  /** the service name the runtime's rendered files reload (manifest `service.name`) */
  service: string;
  launch: Launcher;
}

/** The daemon each runtime needs on a lab node, started in the foreground so the lab tracks its PID. */
const runtimes: Partial<Record<RuntimeName, LabRuntime>> = {
  agent: {
    service: 'hactl-agent',
    launch: (lab, node) =>
      lab.spawn(memberName(node), [process.execPath, join(packageRoot(), 'dist/cli/hactl.js'), 'agent', '--config', AGENT_CONFIG_PATH, '--node', node], {
        env: { HACTL_LOG_LEVEL: process.env.HACTL_LOG_LEVEL ?? 'info' },
      }),
  },
  keepalived: {
    service: 'keepalived',
    launch: (lab, node) =>
      lab.spawn(memberName(node), [
        'keepalived', '--dont-fork', '--log-console', '--log-detail', '--vrrp',
        '--use-file=/etc/keepalived/keepalived.conf',
        '--pid=/run/keepalived.pid', '--vrrp_pid=/run/keepalived-vrrp.pid',
      ]),
  },
};

export function runtimeSupported(runtime: RuntimeName): boolean {
  return runtimes[runtime] !== undefined;
}

/** The service name under which the stack's files ask to reload or restart the runtime. */
export function runtimeService(runtime: RuntimeName): string | undefined {
  return runtimes[runtime]?.service;
}

export function startRuntime(lab: Lab, model: ClusterModel, node: string, files: readonly RenderedFile[]): LabProcess {
  const runtime = runtimes[model.runtime];
  if (!runtime) throw new LabError('lab-runtime-unsupported', `the lab cannot run runtime '${model.runtime}' yet (supported: ${Object.keys(runtimes).join(', ')})`);
  return runtime.launch(lab, node, files);
}

/** The runtime daemon of a node among the lab's tracked processes (for chaos kill-node). */
export function isRuntimeProcess(runtime: RuntimeName, argv: readonly string[]): boolean {
  if (runtime === 'agent') return argv.includes('agent') && argv.some((a) => a.endsWith('hactl.js'));
  return argv[0] === runtime;
}

/** The node's runtime daemons that run now (normally one): tracked by the lab, matched by argv, alive by PID + start time. */
export function runningRuntime(lab: Lab, model: ClusterModel, node: string): TrackedProcess[] {
  return lab.running(memberName(node)).filter((p) => isRuntimeProcess(model.runtime, p.argv));
}

/** SIGTERM, as a service stop would: the agent releases its groups and tells its peers; SIGKILL after the grace period. */
export async function stopRuntime(lab: Lab, model: ClusterModel, node: string, graceMs = 30_000): Promise<void> {
  await stopTracked(runningRuntime(lab, model, node), graceMs);
}
