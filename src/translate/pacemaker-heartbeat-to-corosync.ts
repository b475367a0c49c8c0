import type { ClusterInput } from '../model/cluster.js';
import { toMs } from '../model/duration.js';
import { authForCorosync } from './auth.js';
import { knetLink } from './knet-link.js';
import { blocked, changed, mapped, type TranslationItem } from './report.js';
import { duration, nodeNames, secondsText, type HeartbeatInput, noHeartbeat } from './stack.js';
import type { Translation } from './translation.js';

const ms = (value: string | number | undefined, fallback: number) => (value === undefined ? fallback : toMs(value));

/** heartbeat's timings in corosync terms: deadtime is the token, initdead Pacemaker's dc-deadtime; the rest has no field. */
function timings(draft: ClusterInput, hb: HeartbeatInput): { tokenMs: number; items: TranslationItem[] } {
  const keepaliveMs = ms(hb.keepalive, 2000);
  const tokenMs = ms(hb.deadtime, keepaliveMs * 15);
  const initdeadMs = ms(hb.initdead, tokenMs * 4);
  const items = [
    changed('heartbeat.deadtime', 'token-from-deadtime', `deadtime ${secondsText(tokenMs)} → totem.token ${tokenMs} ms`, 'both are how long a silent node has before it is declared lost; corosync then takes consensus (1.2 × token) to form the new membership'),
    changed('heartbeat.keepalive', 'keepalive-from-token', `keepalive ${secondsText(keepaliveMs)} → knet pings every token / 4 (${secondsText(tokenMs / 4)})`, 'knet derives its link pings from the token (knet_ping_interval = token / (2 × knet_pong_count)); the stack format has no knet_ping_interval'),
  ];
  if (hb.warntime !== undefined) {
    items.push(changed('heartbeat.warntime', 'warntime-dropped', `warntime ${secondsText(toMs(hb.warntime))} dropped`, 'corosync has no late-heartbeat warning; knet logs a link as down after knet_ping_timeout (token / 2)'));
  }
  const properties = (draft.properties ??= {});
  if (properties['dc-deadtime'] !== undefined) {
    items.push(changed('heartbeat.initdead', 'dc-deadtime-from-initdead', `initdead ${secondsText(initdeadMs)} dropped, properties.dc-deadtime kept`, 'the stack already sets how long a starting Pacemaker waits for its peers'));
  } else {
    properties['dc-deadtime'] = duration(initdeadMs);
    items.push(changed('heartbeat.initdead', 'dc-deadtime-from-initdead', `initdead ${secondsText(initdeadMs)} → property dc-deadtime ${duration(initdeadMs)}`, 'both are how long a starting node waits for its peers before it acts alone'));
  }
  if (hb.deadping !== undefined) {
    items.push(changed('heartbeat.deadping', 'deadping-dropped', `deadping ${secondsText(toMs(hb.deadping))} dropped`, 'it timed out ping nodes, which corosync does not have (see heartbeat.ping)'));
  }
  return { tokenMs, items };
}

/** ping nodes fed heartbeat's node list, pingd or ipfail; on corosync only a ping clone could, which stacks cannot express. */
function ping(hb: HeartbeatInput): TranslationItem[] {
  const nodes = hb.ping ?? [];
  if (nodes.length === 0) return [];
  const cannot = 'Pacemaker on corosync gets it from an ocf:pacemaker:ping clone, and the stack format has neither clones nor location rules';
  if (hb.pingd) {
    const attribute = hb.pingd.attribute ?? 'default_ping_set';
    return [changed('heartbeat.pingd', 'ping-dropped', `ping nodes ${nodes.join(', ')} and the pingd attribute ${attribute} dropped`, `${cannot}; no constraint of the stack reads the attribute, so placement does not change`)];
  }
  return [changed('heartbeat.ping', 'ping-dropped', `ping nodes ${nodes.join(', ')} dropped`, `without pingd or ipfail they only showed in heartbeat's node list; placement by connectivity would need a ping clone: ${cannot}`)];
}

/** What else ha.cf said: each either has a corosync counterpart, or is reported as dropped. */
function rest(hb: HeartbeatInput, corosyncLog: string): { debug: boolean; items: TranslationItem[] } {
  const items: TranslationItem[] = [];
  (hb.respawn ?? []).forEach((r, i) =>
    items.push(blocked(`heartbeat.respawn[${i}]`, 'respawn', `respawn ${r.user} ${r.command}`, 'corosync respawns nothing: run it as a systemd service outside the cluster, or as a resource')),
  );
  if (hb.watchdog) {
    items.push(changed('heartbeat.watchdog', 'watchdog-dropped', `watchdog ${hb.watchdog} dropped`, "the stack's corosync section has no watchdog_device, and Pacemaker self-fences through sbd, which the stack format does not model"));
  }
  if (hb.autoFailback !== undefined) {
    items.push(changed('heartbeat.autoFailback', 'auto-failback-dropped', `auto_failback ${hb.autoFailback ? 'on' : 'off'} dropped`, 'Pacemaker never read it: resource-stickiness decides whether resources move back'));
  }
  if (hb.apiauth?.length) items.push(changed('heartbeat.apiauth', 'apiauth-dropped', `apiauth ${hb.apiauth.join('; ')} dropped`, 'it admitted heartbeat API clients (ipfail, pingd); none runs on corosync'));
  if (hb.ifcheckd) items.push(changed('heartbeat.ifcheckd', 'ifcheckd-dropped', 'ifcheckd dropped', 'it reported heartbeat link states (pm_extras); corosync-cfgtool -s shows the knet links'));
  if (hb.logfile) items.push(changed('heartbeat.logfile', 'log-files', `logfile ${hb.logfile} → ${corosyncLog} (corosync) and /var/log/pacemaker/pacemaker.log`, 'each daemon of the new cluster layer keeps its own log'));
  if (hb.logfacility) items.push(changed('heartbeat.logfacility', 'log-facility', `logfacility ${hb.logfacility} → syslog facility daemon`, "the stack's corosync section has no syslog facility: corosync logs to syslog as daemon"));
  const debug = (hb.debug ?? 0) > 0;
  if (hb.debug !== undefined) {
    items.push((debug ? changed : mapped)('heartbeat.debug', 'debug', `debug ${hb.debug} → corosync debug ${debug ? 'on' : 'off'}`, 'corosync has one debug switch, not levels'));
  }
  return { debug, items };
}

/** Pacemaker 2 runs on corosync only: heartbeat's ha.cf becomes corosync.conf (knet) and its authkeys knet crypto. */
export const pacemakerHeartbeatToCorosync: Translation = {
  id: 'pacemaker-heartbeat-to-corosync',
  from: 'pacemaker-heartbeat',
  to: 'pacemaker-corosync3',
  title: 'Pacemaker on heartbeat → Pacemaker 2 on Corosync 3 (knet)',
  apply(draft, ctx) {
    const hb = draft.heartbeat;
    if (!hb) return noHeartbeat('pacemaker on heartbeat');
    const layer = draft.pacemaker?.haCf ?? 'pacemaker on';
    const items: TranslationItem[] = [
      changed('pacemaker.messaging', 'corosync-layer', `cluster layer heartbeat (ha.cf "${layer}") → corosync 3`, 'Pacemaker 2 dropped heartbeat as a cluster layer: it runs on corosync only'),
    ];
    const link = knetLink(draft, hb);
    items.push(...link.items);
    const time = timings(draft, hb);
    items.push(...time.items, ...ping(hb));
    const other = rest(hb, ctx.profile.corosyncLogfile);
    items.push(...other.items);
    const auth = authForCorosync(draft);
    items.push(...auth.items);
    if (draft.corosync) {
      items.push(changed('corosync', 'corosync-replaced', 'the corosync section (unused on heartbeat) replaced', 'it is written anew from the heartbeat section, which the cluster did run on'));
    }
    if (nodeNames(draft).length === 2) {
      items.push(changed('nodes', 'two-node', 'quorum: corosync votequorum two_node: 1', 'a two-node cluster keeps quorum with one node left; two_node also makes a first start wait until both nodes have met (wait_for_all)'));
    }
    draft.corosync = {
      version: 3,
      transport: 'knet',
      interconnect: link.nic,
      secauth: auth.secauth,
      token: duration(time.tokenMs),
      ...(other.debug ? { debug: true } : {}),
    };
    const { haCf: _haCf, ...pacemaker } = draft.pacemaker ?? { messaging: 'corosync' };
    draft.pacemaker = { ...pacemaker, messaging: 'corosync' };
    delete draft.heartbeat;
    return items;
  },
};
