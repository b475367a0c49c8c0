import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceController } from '../../apply/services.js';
import { packageRoot } from '../../package-root.js';
import type { ClusterStep } from '../../render/vagrant/data.js';
import { quote } from '../../transport/shell.js';
import type { ExecResult, Transport } from '../../transport/transport.js';
import { VagrantError } from './errors.js';

type Script = 'services.sh' | 'cluster.sh' | 'packages.sh';

/** Runs one of provision/*.sh on a node through its transport: the same steps plain `vagrant up` runs. */
export async function runProvisionScript(transport: Transport, script: Script, args: readonly string[] = [], env: Record<string, string> = {}): Promise<ExecResult> {
  const body = await readFile(join(packageRoot(), 'provision', script), 'utf8');
  const vars = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`);
  return transport.exec([...vars, 'sh', '-s', '--', ...args.map(quote)].join(' '), { input: body });
}

const tail = (r: ExecResult): string => (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-12).join('\n') || `exit ${r.code}`;

export async function mustProvision(transport: Transport, script: Script, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const r = await runProvisionScript(transport, script, args, env);
  if (r.code !== 0) throw new VagrantError('vagrant-provision-failed', `${transport.node}: provision/${script} ${args.join(' ')} failed:\n${tail(r)}`);
  return r.stdout;
}

/**
 * Apply's reloads on fresh machines: a daemon that is not running yet is enabled and started instead. It remembers
 * what it brought up, so the services phase does not pay again for what apply already did (guests start processes slowly).
 */
export function vagrantServices(): ServiceController & { handled: Set<string> } {
  const handled = new Set<string>();
  return {
    handled,
    async run({ transport, service, action }) {
      await mustProvision(transport, 'services.sh', [action, service]);
      handled.add(`${transport.node}/${service}`);
    },
  };
}

export async function runClusterStep(transport: Transport, step: ClusterStep): Promise<void> {
  await mustProvision(transport, 'cluster.sh', [], {
    HACTL_WAIT: step.wait, HACTL_RUN: step.run, HACTL_TIMEOUT: String(step.timeoutSeconds), HACTL_SETTLE: String(step.settleSeconds),
  });
}
