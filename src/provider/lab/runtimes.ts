import { LabProviderError } from './errors.js';
import { join } from 'node:path';
import type { Lab, LabProcess } from '../../lab/index.js';
import type { ClusterModel, RuntimeName } from '../../model/model.js';
import { packageRoot } from '../../package-root.js';
import type { RenderedFile } from '../../render/artifact.js';
import { memberName } from './lab-spec.js';

export const AGENT_CONFIG_PATH = '/etc/hactl/agent.json';

type Launcher = (lab: Lab, node: string, files: readonly RenderedFile[]) => LabProcess;

/** The daemon each runtime needs on a lab node, started in the foreground so the lab tracks its PID. */
const launchers: Partial<Record<RuntimeName, Launcher>> = {
  agent: (lab, node) =>
    lab.spawn(memberName(node), [process.execPath, join(packageRoot(), 'dist/cli/hactl.js'), 'agent', '--config', AGENT_CONFIG_PATH, '--node', node], {
      env: { HACTL_LOG_LEVEL: process.env.HACTL_LOG_LEVEL ?? 'info' },
    }),
  keepalived: (lab, node) =>
    lab.spawn(memberName(node), [
      'keepalived', '--dont-fork', '--log-console', '--log-detail', '--vrrp',
      '--use-file=/etc/keepalived/keepalived.conf',
      '--pid=/run/keepalived.pid', '--vrrp_pid=/run/keepalived-vrrp.pid',
    ]),
};

export function runtimeSupported(runtime: RuntimeName): boolean {
  return launchers[runtime] !== undefined;
}

export function startRuntime(lab: Lab, model: ClusterModel, node: string, files: readonly RenderedFile[]): LabProcess {
  const launch = launchers[model.runtime];
  if (!launch) throw new LabProviderError(`the lab cannot run runtime '${model.runtime}' yet (supported: ${Object.keys(launchers).join(', ')})`);
  return launch(lab, node, files);
}

/** The runtime daemon of a node among the lab's tracked processes (for chaos kill-node). */
export function isRuntimeProcess(runtime: RuntimeName, argv: readonly string[]): boolean {
  if (runtime === 'agent') return argv.includes('agent') && argv.some((a) => a.endsWith('hactl.js'));
  return argv[0] === runtime;
}
