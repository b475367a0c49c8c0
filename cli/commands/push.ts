import type { PlatformName } from '../../src/model/model.js';
import { loadOrFail, renderOrPrint } from '../stack.js';

export interface PushOptions {
  json?: boolean;
  acceptNewHostKeys?: boolean;
  local?: string;
  concurrency?: string;
}

/** A stack whose lab is up is pushed into its lab nodes as `up` rendered it: for the lab's platform. */
async function labPlatform(stack: string): Promise<PlatformName | undefined> {
  const { labProvider } = await import('../../src/provider/lab/index.js');
  const model = await loadOrFail(stack);
  return model.nodes.some((n) => !n.ssh) && (await labProvider.exists(model)) ? labProvider.platform : undefined;
}

async function prepare(stack: string, options: PushOptions) {
  const platform = options.local ? undefined : await labPlatform(stack);
  const rendered = await renderOrPrint(stack, platform ? { platform } : {});
  if (!rendered) return undefined;
  const { openTransports } = await import('../../src/transport/index.js');
  const transports = await openTransports(rendered.model, {
    acceptNewHostKeys: options.acceptNewHostKeys ?? false,
    ...(options.local ? { local: options.local } : {}),
  });
  return { ...rendered, transports };
}

export async function planCommand(stack: string, options: PushOptions & { expectNoChanges?: boolean }): Promise<number> {
  const ready = await prepare(stack, options);
  if (!ready) return 1;
  const { planStack, formatPlan, formatPlanJson, hasDrift, refusesAny } = await import('../../src/apply/index.js');
  const { closeTransports } = await import('../../src/transport/index.js');
  try {
    const { planConfiguration } = await import('../../src/operations/cluster-config.js');
    const configuration = await planConfiguration(ready.model, ready.result.files, ready.transports);
    const plan = { ...(await planStack({ model: ready.model, result: ready.result, transports: ready.transports })), ...(configuration ? { configuration } : {}) };
    process.stdout.write(options.json ? formatPlanJson(plan) : formatPlan(plan));
    return refusesAny(plan) || (options.expectNoChanges && hasDrift(plan)) ? 1 : 0;
  } finally {
    await closeTransports(ready.transports.values());
  }
}

export async function applyCommand(stack: string, options: PushOptions & { installPackages?: boolean }): Promise<number> {
  const ready = await prepare(stack, options);
  if (!ready) return 1;
  const { applyStack, createApplyProgress, ensureUsers, installPackages } = await import('../../src/apply/index.js');
  const { closeTransports } = await import('../../src/transport/index.js');
  const concurrency = options.concurrency ? Number(options.concurrency) : undefined;
  try {
    // lab nodes share the host's packages and have no init system: no installs there, the runtime restarted the lab's way
    const { labServices, refusePackagesOnLab } = await import('../../src/provider/lab/lab-services.js');
    if (options.installPackages) {
      refusePackagesOnLab(ready.transports);
      // a package that adds its own account must find the pinned one
      await ensureUsers({ model: ready.model, transports: ready.transports, concurrency });
      await installPackages({ model: ready.model, transports: ready.transports, concurrency });
      // the agent runtime's program is hactl's own bundle: installed (or upgraded in place) like a package
      const { installAgentOnNodes } = await import('../../src/provider/host/agent-install.js');
      for (const agent of await installAgentOnNodes(ready.model, ready.transports)) {
        process.stderr.write(`${agent.node}: agent ${agent.pushed ? `installed (${(agent.bytes / 1e6).toFixed(2)} MB in ${(agent.ms / 1000).toFixed(1)} s)` : 'already up to date'}\n`);
      }
    }
    // progress on stderr, the report (with --json) alone on stdout
    const progress = createApplyProgress({ model: ready.model, result: ready.result, stream: process.stderr });
    const services = labServices(ready.model, ready.transports);
    const { applyConfiguration, serviceOwnership } = await import('../../src/operations/cluster-config.js');
    const report = await applyStack({
      model: ready.model, result: ready.result, transports: ready.transports, concurrency, onEvent: progress.onEvent,
      skipService: serviceOwnership(ready.model), ...(services ? { services } : {}),
    });
    await progress.done();
    // once every file is in place: the cluster manager's configuration, loaded once, only when it changes something
    const configuration = report.ok ? await applyConfiguration(ready.model, ready.result.files, ready.transports) : undefined;
    if (configuration) process.stderr.write(`${configuration}\n`);
    if (options.json) process.stdout.write(`${JSON.stringify({ ...report, ...(configuration ? { configuration } : {}) }, null, 2)}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await closeTransports(ready.transports.values());
  }
}
