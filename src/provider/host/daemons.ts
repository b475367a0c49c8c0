import type { ServiceController } from '../../apply/services.js';
import type { PlatformName } from '../../model/model.js';
import { platformProfile } from '../../platform/profiles.js';
import { RuntimeError } from '../../runtime/errors.js';
import type { DaemonControl, DaemonSpec } from '../../runtime/runtime.js';
import { quote } from '../../transport/shell.js';
import type { Transport } from '../../transport/transport.js';

const SERVICE_TIMEOUT_MS = 120_000;

async function must(node: string, t: Transport, command: string): Promise<void> {
  const r = await t.exec(command, { timeoutMs: SERVICE_TIMEOUT_MS });
  if (r.code !== 0) throw new RuntimeError('runtime-command-failed', `${node}: \`${command}\` failed: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join(' / ') || `exit ${r.code}`}`);
}

/**
 * Machines with an init system (VMs, real servers): the runtime's daemons are its services, enabled at boot and
 * driven by the platform's own commands; a crash is SIGKILL to the service's whole process group (systemd's cgroup).
 */
export function hostDaemons(platform: PlatformName, nodes: ReadonlyMap<string, Transport>): DaemonControl {
  const profile = platformProfile(platform);
  const systemd = profile.serviceManager === 'systemd';
  const transport = (node: string): Transport => {
    const t = nodes.get(node);
    if (!t) throw new RuntimeError('runtime-no-node', `${node} cannot be reached`);
    return t;
  };
  const svc = (spec: DaemonSpec) => quote(spec.service);
  return {
    async start(node, spec) {
      const t = transport(node);
      if (spec.prepare) await must(node, t, spec.prepare);
      await must(node, t, `${profile.enableService(svc(spec))} && ${profile.serviceAction(svc(spec), 'start')}`);
    },
    async stop(node, spec) {
      await must(node, transport(node), profile.serviceAction(svc(spec), 'stop'));
    },
    async running(node, spec) {
      const check = systemd ? `systemctl is-active --quiet ${svc(spec)}` : profile.serviceAction(svc(spec), 'status');
      return (await transport(node).exec(check, { timeoutMs: 30_000 })).code === 0;
    },
    async kill(node, spec) {
      const command = systemd ? `systemctl kill --signal=SIGKILL ${svc(spec)}` : `pkill -KILL -f ${quote(`^${spec.exe}`)}`;
      await must(node, transport(node), command);
    },
  };
}

/**
 * What apply reloads on machines with an init system while a stack comes up: only the host's own services (the
 * firewall's loader), enabled and brought to their new configuration. The runtime's daemons are started by `up` once
 * every file is in place, and services the cluster manager owns (its resources) are never enabled or started here.
 */
export function hostServices(platform: PlatformName): ServiceController {
  const profile = platformProfile(platform);
  const own = new Set([profile.firewallService]);
  return {
    async run({ node, transport, service, action }) {
      if (!own.has(service)) return;
      const s = quote(service);
      const active = profile.serviceManager === 'systemd' ? `systemctl is-active --quiet ${s}` : profile.serviceAction(s, 'status');
      await must(node, transport, `${profile.enableService(s)} && if ${active}; then ${profile.serviceAction(s, action)}; else ${profile.serviceAction(s, 'start')}; fi`);
    },
  };
}
