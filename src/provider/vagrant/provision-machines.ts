import { applyStack, type ApplyReport } from '../../apply/apply.js';
import { installPackages } from '../../apply/packages.js';
import { applyTargets } from '../../apply/targets.js';
import { ensureUsers } from '../../apply/users.js';
import type { ClusterModel } from '../../model/model.js';
import type { RenderResult } from '../../render/render-stack.js';
import { VAGRANT_SCOPE, type VagrantData } from '../../render/vagrant/index.js';
import type { Transport } from '../../transport/transport.js';
import { VagrantError } from './errors.js';
import { phase, type VagrantEventHandler, type VagrantPhase } from './events.js';
import { mustProvision, runClusterStep, vagrantServices } from './provision-scripts.js';

export interface ProvisionContext {
  model: ClusterModel;
  data: VagrantData;
  rendered: RenderResult;
  transports: Map<string, Transport>;
  emit: VagrantEventHandler;
  timings: Partial<Record<VagrantPhase, number>>;
}

/**
 * What Vagrant's provisioners do in plain `vagrant up`, done by hactl over SSH: the stack's users (pinned uids,
 * before any package can add its own account), packages (a check on the baked box), the files through apply
 * (checked, atomic), the runtime's daemons enabled and running, then the cluster step once.
 */
export async function provisionMachines(ctx: ProvisionContext): Promise<ApplyReport> {
  const { model, data, transports, emit, timings } = ctx;
  await phase(emit, 'packages', timings, async () => {
    await ensureUsers({ model, transports });
    return installPackages({ model, transports });
  });
  const files = ctx.rendered.files.filter((f) => f.node !== VAGRANT_SCOPE);
  const services = vagrantServices();
  const report = await phase(emit, 'apply', timings, () =>
    applyStack({ model, result: { files }, transports, services, onEvent: (event) => emit({ type: 'apply', event }) }));
  if (!report.ok) {
    const failed = report.nodes.filter((n) => n.error).map((n) => `${n.node}: ${n.error!.message}`);
    throw new VagrantError('vagrant-provision-failed', `applying the files failed:\n${failed.join('\n')}`);
  }
  const pending = [...transports.values()].flatMap((t) => {
    const left = data.services.filter((s) => !services.handled.has(`${t.node}/${s}`));
    return left.length ? [{ t, left }] : [];
  });
  if (pending.length) await phase(emit, 'services', timings, () => Promise.all(pending.map(({ t, left }) => mustProvision(t, 'services.sh', ['start', ...left]))));
  // apply left the cluster-wide files on its own choice of node: the step runs where they are
  const via = applyTargets(model, files).find((t) => t.scope === 'cluster')?.via ?? data.clusterMachine;
  const step = data.clusterStep;
  const transport = transports.get(via);
  if (step && transport) await phase(emit, 'cluster', timings, () => runClusterStep(transport, step));
  return report;
}
