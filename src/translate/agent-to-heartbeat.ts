import { platformProfile } from '../platform/profiles.js';
import { describeKey } from './auth.js';
import { propertiesDropped } from './quorumless.js';
import { blocked, changed, mapped, type TranslationItem } from './report.js';
import { isGroup, noHeartbeat, primitiveNames, primitivesOf, type PrimitiveAt } from './stack.js';
import type { Translation } from './translation.js';

/** The checks heartbeat v1 can run as respawned scripts that call hb_standby (src/render/monitor-scripts). */
const respawnChecks = new Set(['memcached', 'http', 'tcp', 'process']);

/** haresources runs init scripts and hands the whole node over on a failed check; what the agent did beyond that blocks or is dropped. */
function primitive(at: PrimitiveAt, name: string): TranslationItem[] {
  const { p, path } = at;
  const items: TranslationItem[] = [];
  if ('exec' in p) {
    if (p.exec.run !== undefined) items.push(blocked(`${path}.exec.run`, 'exec-run', `exec run of ${name}`, 'heartbeat starts init scripts: give start, stop and status commands instead of a supervised process'));
    else if (!p.exec.initScript) {
      p.exec = { ...p.exec, initScript: true };
      items.push(changed(`${path}.exec`, 'exec-init-script', `${name}'s commands → /etc/init.d/${name}`, 'haresources starts and stops init scripts'));
    }
  }
  if ('drbd' in p) items.push(blocked(path, 'drbd-v1', `DRBD ${name}`, 'heartbeat v1 cannot promote: use pacemaker'));
  for (const op of ['start', 'stop'] as const) {
    const o = p[op];
    if (!o) continue;
    if (o.onFail) items.push(blocked(`${path}.${op}.onFail`, 'op-on-fail', `${op} on-fail ${o.onFail} of ${name}`, 'haresources has no per-operation failure policy'));
    else items.push(changed(`${path}.${op}`, 'op-dropped', `${op} op of ${name} dropped`, 'haresources has no operation timeouts'));
    delete p[op];
  }
  const m = p.monitor;
  if (m) {
    if (!m.kind || !respawnChecks.has(m.kind)) {
      if ('vip' in p) {
        items.push(changed(`${path}.monitor`, 'vip-monitor-dropped', `monitor of ${name} dropped`, 'heartbeat v1 does not watch its addresses: a removed address comes back only at the next takeover'));
        delete p.monitor;
      } else {
        items.push(blocked(`${path}.monitor`, 'monitor-v1', `monitor of ${name} without kind memcached, http, tcp or process`, 'heartbeat v1 watches a service only through a generated respawn script: give monitor.kind'));
      }
    } else if (m.onFail === undefined || m.onFail === 'standby' || m.onFail === 'restart') {
      const what = `${m.kind} check → respawn script that calls hb_standby${m.onFail === 'restart' ? ' (on-fail restart → standby)' : ''}`;
      items.push((m.onFail === 'restart' ? changed : mapped)(`${path}.monitor`, 'check-to-respawn', what, 'heartbeat v1 cannot restart a resource in place: a failed check hands every resource to the peer'));
      p.monitor = { ...m, onFail: 'standby' };
    } else {
      items.push(blocked(`${path}.monitor.onFail`, 'monitor-v1', `monitor on-fail ${m.onFail} of ${name}`, 'the respawn script can only hand over (hb_standby)'));
    }
  }
  const extras = [p.migrationThreshold !== undefined && 'migrationThreshold', p.failureTimeout !== undefined && 'failureTimeout', p.meta && 'meta'].filter(Boolean);
  if (extras.length) items.push(changed(path, 'failure-counting-dropped', `${extras.join(', ')} of ${name} dropped`, 'heartbeat v1 counts no failures: the first failed check hands over'));
  delete p.migrationThreshold;
  delete p.failureTimeout;
  delete p.meta;
  return items;
}

/** The agent's groups on heartbeat v1 (haresources), where it can express them. */
export const agentToHeartbeat: Translation = {
  id: 'agent-to-heartbeat',
  from: 'agent',
  to: 'heartbeat',
  title: 'the hactl agent → heartbeat v1 (haresources)',
  apply(draft, ctx) {
    const hb = draft.heartbeat;
    if (!hb) return noHeartbeat('the agent');
    const items: TranslationItem[] = [
      changed('runtime', 'runtime-heartbeat', 'agent → heartbeat v1 (haresources)', 'heartbeat reads the same links and timings; it starts each group on one node in line order'),
    ];
    const auth = draft.auth;
    if (auth?.method === 'sha256' && auth.keyFrom) {
      draft.auth = { method: 'sha1', keyFrom: auth.keyFrom };
      items.push(changed('auth.method', 'auth-sha1', `sha256 → sha1, same key (${describeKey(auth.keyFrom)})`, "heartbeat's authkeys know crc, md5 and sha1"));
    }
    const names = primitiveNames(draft);
    for (const at of primitivesOf(draft)) items.push(...primitive(at, names.get(at.path)!));
    (draft.resources ?? []).forEach((r, i) => {
      if (!isGroup(r)) return;
      if (r.notify && Object.keys(r.notify).length) items.push(blocked(`resources[${i}].notify`, 'notify-v1', `notify scripts of group ${r.group}`, 'heartbeat v1 runs no scripts on state changes'));
      if (r.migrationThreshold !== undefined || r.failureTimeout !== undefined) {
        items.push(changed(`resources[${i}]`, 'failure-counting-dropped', `migrationThreshold/failureTimeout of group ${r.group} dropped`, 'heartbeat v1 counts no failures: the first failed check hands over'));
        delete r.migrationThreshold;
        delete r.failureTimeout;
      }
      items.push(mapped(`resources[${i}]`, 'group-order', `group ${r.group} → haresources line on ${r.preferred ?? Object.keys(draft.nodes)[0]} (${r.members.length} resource${r.members.length === 1 ? '' : 's'})`, 'haresources starts a line left to right and stops it in reverse'));
    });
    (draft.constraints ?? []).forEach((_, i) => items.push(blocked(`constraints[${i}]`, 'constraints-v1', 'constraint', 'haresources has no constraints')));
    if (draft.agent?.fencing) items.push(blocked('agent.fencing', 'fencing', 'fencing command', 'the stack format has no heartbeat v1 STONITH'));
    if (draft.agent?.controlSocket) items.push(changed('agent.controlSocket', 'agent-socket-dropped', 'control socket dropped', 'heartbeat is asked through cl_status'));
    if (hb.ping?.length) {
      const command = `${platformProfile(ctx.platform).heartbeatLibDir}/ipfail`;
      hb.respawn = [...(hb.respawn ?? []), { user: 'hacluster', command }];
      hb.apiauth = [...(hb.apiauth ?? []), 'ipfail gid=haclient uid=hacluster'];
      items.push(changed('heartbeat.ping', 'ping-ipfail', `ping nodes ${hb.ping.join(', ')} → respawn ipfail (${command})`, `ipfail moves the resources to the node that reaches more ping nodes, as the agent's ping weight did`));
    }
    items.push(...propertiesDropped(draft, 'heartbeat v1 has no quorum: a node left alone runs the resources', 'heartbeat v1 has no cluster properties and no quorum'));
    draft.runtime = 'heartbeat';
    delete draft.properties;
    delete draft.agent;
    return items;
  },
};
