import type { ApplyReport } from '../../apply/apply.js';
import { installPackages } from '../../apply/packages.js';
import { ensureUsers } from '../../apply/users.js';
import type { ClusterModel } from '../../model/model.js';
import type { RenderResult } from '../../render/render-stack.js';
import { VAGRANT_SCOPE } from '../../render/vagrant/index.js';
import type { Transport } from '../../transport/transport.js';
import { installAgentOnNodes } from '../host/agent-install.js';
import { bootstrapDrbd } from '../host/drbd-bootstrap.js';
import { hostServices, runtimeServices } from '../host/daemons.js';
import { pushFiles } from '../push-files.js';
import { renumberBoxAccounts } from './box-accounts.js';
import { installFromHost } from './host-packages.js';
import { phase, type VagrantEventHandler, type VagrantPhase } from './events.js';

export interface ProvisionContext {
  model: ClusterModel;
  rendered: Pick<RenderResult, 'files'>;
  transports: Map<string, Transport>;
  emit: VagrantEventHandler;
  timings: Partial<Record<VagrantPhase, number>>;
  drbdOverwrite?: boolean;
}

/**
 * What Vagrant's provisioners do in plain `vagrant up`, done by hactl over SSH: the stack's users (pinned uids,
 * before any package can add its own account), packages (a check on the baked box), then the files through apply
 * (checked, atomic; the firewall loaded). The runtime's daemons and its cluster-wide step follow in `hactl up`.
 */
export async function provisionMachines(ctx: ProvisionContext): Promise<ApplyReport> {
  const { model, transports, emit, timings } = ctx;
  await phase(emit, 'packages', timings, async () => {
    for (const r of await renumberBoxAccounts(model, transports)) {
      emit({ type: 'machine-message', node: r.node, level: 'info', message: `${r.name}: ${r.what} ${r.from} of the box's package renumbered to the stack's ${r.to}` });
    }
    await ensureUsers({ model, transports });
    for (const h of await installFromHost(model, transports)) {
      emit({ type: 'machine-message', node: h.node, level: 'info', message: `installed from this host (the box lacks them): ${h.packages.join(' ')}, ${(h.bytes / 1e6).toFixed(2)} MB in ${(h.ms / 1000).toFixed(1)} s` });
    }
    await installPackages({ model, transports });
    // the agent runtime's own program: hactl's bundle, run by the box's Node.js (what it costs is reported per node)
    for (const agent of await installAgentOnNodes(model, transports)) {
      emit({ type: 'machine-message', node: agent.node, level: 'info', message: `agent installed: ${(agent.bytes / 1e6).toFixed(2)} MB pushed in ${(agent.ms / 1000).toFixed(1)} s (node ${agent.nodeVersion})` });
    }
  });
  const files = ctx.rendered.files.filter((f) => f.node !== VAGRANT_SCOPE);
  const report = await phase(emit, 'apply', timings, () => pushFiles(model, { files }, transports, () => undefined, hostServices(model.platform, runtimeServices(model))));
  // DRBD's disks are set up once, with its configuration in place and before the cluster manager starts
  if (model.drbd.length) {
    await phase(emit, 'drbd', timings, async () => {
      for (const line of await bootstrapDrbd(model, transports, { overwrite: ctx.drbdOverwrite ?? false })) emit({ type: 'machine-message', node: 'drbd', level: 'info', message: line });
    });
  }
  return report;
}
