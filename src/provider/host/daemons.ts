import type { ServiceController } from '../../apply/services.js';
import type { ClusterModel, PlatformName } from '../../model/model.js';
import { platformProfile } from '../../platform/profiles.js';
import { RuntimeError } from '../../runtime/errors.js';
import { runtimeOf } from '../../runtime/registry.js';
import type { DaemonControl, DaemonSpec } from '../../runtime/runtime.js';
import { quote } from '../../transport/shell.js';
import type { Transport } from '../../transport/transport.js';
import { HOST_HACTL } from './hactl.js';

const SERVICE_TIMEOUT_MS = 120_000;

async function must(node: string, t: Transport, command: string): Promise<void> {
  const r = await t.exec(command, { timeoutMs: SERVICE_TIMEOUT_MS });
  if (r.code !== 0) throw new RuntimeError('runtime-command-failed', `${node}: \`${command}\` failed: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join(' / ') || `exit ${r.code}`}`);
}

/**
 * A crash of every process of a systemd unit at the same instant. `systemctl kill --signal=SIGKILL` signals them one
 * after another (13 ms apart on an emulated guest), and a child that watches its parent reacts in between: keepalived's
 * VRRP process gets SIGTERM when its parent dies and resigns with a priority-0 advert, so its peer took over in 0.7 s,
 * as after a clean stop, not the 3.6 s a crash gives. The cgroup's `cgroup.kill` (cgroup v2, Linux >= 5.14) kills the
 * whole unit at once; older systems fall back to `systemctl kill`.
 */
function crashUnit(unit: string): string {
  return `cg=$(systemctl show -p ControlGroup --value ${unit}); if [ -n "$cg" ] && [ -w "/sys/fs/cgroup$cg/cgroup.kill" ]; then echo 1 > "/sys/fs/cgroup$cg/cgroup.kill"; else systemctl kill --signal=SIGKILL ${unit}; fi`;
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
      const command = systemd ? crashUnit(svc(spec)) : `pkill -KILL -f ${quote(`^${spec.exe}`)}`;
      await must(node, transport(node), command);
    },
  };
}

/**
 * What apply reloads on machines with an init system while a stack comes up or changes: the host's own services (the
 * firewall's loader: enabled and brought to its new configuration) and the runtime's daemons (`runtimeServices`) that
 * already run, so a changed keepalived.conf, ha.cf or agent config takes effect as on the lab. A runtime daemon that is
 * not running is left for `hactl up` to start once every file is in place; services the cluster manager owns (its
 * resources) are never enabled, started or reloaded here.
 */
export function hostServices(platform: PlatformName, runtimeServices: readonly string[]): ServiceController {
  const profile = platformProfile(platform);
  const runtime = new Set(runtimeServices);
  return {
    async run({ node, transport, service, action }) {
      const own = service === profile.firewallService;
      if (!own && !runtime.has(service)) return;
      const s = quote(service);
      const active = profile.serviceManager === 'systemd' ? `systemctl is-active --quiet ${s}` : profile.serviceAction(s, 'status');
      const command = own
        ? `${profile.enableService(s)} && if ${active}; then ${profile.serviceAction(s, action)}; else ${profile.serviceAction(s, 'start')}; fi`
        : `if ${active}; then ${profile.serviceAction(s, action)}; fi`;
      await must(node, transport, command);
    },
  };
}

/** The services the stack's runtime runs as on a machine with an init system (hactl-agent, keepalived, heartbeat, corosync and pacemaker). */
export function runtimeServices(model: ClusterModel): string[] {
  return runtimeOf(model.runtime).daemons(model, { hactl: HOST_HACTL }).map((d) => d.service);
}
