import { authForAgent } from './auth.js';
import { blocked, changed, mapped, type TranslationItem } from './report.js';
import { linksOf, nodeNames, primitivesOf, noHeartbeat } from './stack.js';
import type { Translation } from './translation.js';

/** What the agent's own checks probe (src/render/agent-config/resources.ts): the same checks heartbeat respawned as scripts. */
const agentChecks = new Set(['memcached', 'http', 'tcp']);

/** The agent reads the heartbeat section itself (links, timings, auto_failback, ping): what remains is what it has no use for. */
export const heartbeatToAgent: Translation = {
  id: 'heartbeat-to-agent',
  from: 'heartbeat',
  to: 'agent',
  title: 'heartbeat v1 → the hactl agent',
  apply(draft, ctx) {
    const hb = draft.heartbeat;
    if (!hb) return noHeartbeat('heartbeat v1');
    const items: TranslationItem[] = [
      changed('runtime', 'runtime-agent', 'heartbeat v1 → agent', 'the agent speaks heartbeat’s timings and links itself and also monitors, restarts and orders resources'),
      mapped('heartbeat.interconnect', 'agent-links', `links ${linksOf(hb).map(({ link }) => `${link.mode ?? 'ucast'} ${link.nic}`).join(', ')}, keepalive/warntime/deadtime/initdead, auto_failback`, 'the agent reads them as heartbeat did'),
      ...authForAgent(draft, ctx),
    ];
    if (hb.ping?.length) {
      // as src/render/agent-config/document.ts weighs them
      const weight = draft.agent?.pingWeight ?? hb.pingd?.multiplier ?? 100;
      items.push(changed('heartbeat.ping', 'ping-weighs', `ping nodes ${hb.ping.join(', ')} weigh placement (${weight} per reachable node)`, 'the agent prefers the node that reaches more ping nodes, as ipfail did; heartbeat v1 without ipfail only listed them'));
    }
    for (const { p, path } of primitivesOf(draft)) {
      const m = p.monitor;
      if (!m?.kind) continue;
      if (agentChecks.has(m.kind)) {
        items.push(mapped(`${path}.monitor`, 'respawn-to-agent-check', `respawn script (${m.kind} check) → the agent's ${m.kind} check, on-fail ${m.onFail ?? 'standby'}`, 'the agent runs the same probe itself'));
      } else if (m.kind === 'process') {
        items.push(changed(`${path}.monitor`, 'respawn-to-agent-check', `respawn script (pid file ${m.pidfile ?? ''}) → the agent's monitor of the service itself`, 'the agent asks the service manager whether the service runs'));
      }
      p.monitor = { ...m, onFail: m.onFail ?? 'standby' };
      if (m.pidfile && m.kind !== 'process') items.push(changed(`${path}.monitor.pidfile`, 'pidfile-unused', `pidfile ${m.pidfile} unused`, `the agent's ${m.kind} check talks to the service, it reads no pid file`));
    }
    (hb.respawn ?? []).forEach((r, i) =>
      items.push(blocked(`heartbeat.respawn[${i}]`, 'respawn', `respawn ${r.user} ${r.command}`, 'the agent respawns nothing: run it as a systemd service, or as a resource (exec run)')),
    );
    const dropped = (key: keyof typeof hb, what: string, why: string) => {
      if (hb[key] === undefined || hb[key] === false) return;
      items.push(changed(`heartbeat.${key}`, `${key}-dropped`, what, why));
      delete hb[key];
    };
    dropped('watchdog', `watchdog ${String(hb.watchdog)} dropped`, 'the agent feeds no watchdog; agent.fencing is its way to deal with a hung peer');
    dropped('apiauth', 'apiauth dropped', 'it admitted heartbeat API clients (ipfail); the agent has none');
    dropped('ifcheckd', 'ifcheckd dropped', "it reported link states for crm_mon; `hactl status` shows the agent's links");
    dropped('deadping', 'deadping dropped', 'the agent counts a ping node as lost when ping stops answering, with no separate timeout');
    dropped('logfile', `logfile ${String(hb.logfile)} dropped`, 'the agent logs to its stderr (the journal under systemd)');
    dropped('logfacility', 'logfacility dropped', 'the agent logs to its stderr (the journal under systemd)');
    dropped('debug', 'debug dropped', 'the agent has no debug levels');
    if (hb.pingd && (hb.pingd.dampen !== undefined || hb.pingd.attribute !== undefined)) {
      items.push(changed('heartbeat.pingd', 'pingd-dampen', 'pingd dampen and attribute dropped, multiplier kept as the ping weight', 'the agent weighs ping results itself, without a node attribute'));
      if (hb.pingd.multiplier === undefined) delete hb.pingd;
      else hb.pingd = { multiplier: hb.pingd.multiplier };
    }
    if (nodeNames(draft).length > 2) {
      draft.properties = { 'no-quorum-policy': 'ignore', ...draft.properties };
      items.push(changed('properties', 'no-quorum-ignore', 'property no-quorum-policy=ignore', 'heartbeat v1 has no quorum: any node left runs the resources'));
    }
    draft.runtime = 'agent';
    return items;
  },
};
