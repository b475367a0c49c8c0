import { formatCrmDuration, formatHaDuration } from '../../model/duration.js';
import type { ClusterModel, HeartbeatModel, LinkModel, NodeModel } from '../../model/model.js';
import type { PlatformProfile } from '../../platform/profiles.js';
import { monitoredPrimitives } from '../monitor-scripts/select.js';
import { haCfValue } from '../escape/heartbeat.js';
import { pingReplacesPingd } from '../pacemaker/ping.js';
import { heartbeatPaths } from './paths.js';

export interface HaCfView {
  node: string;
  cluster: string;
  /** sections of `directive value` lines, written with a blank line between them */
  sections: string[][];
}

const line = (directive: string, value: string | number) => `${directive} ${value}`;

function mediaLines(link: LinkModel, node: NodeModel): string[] {
  switch (link.mode) {
    case 'ucast':
      return (link.targets[node.name] ?? []).map((target) => line('ucast', `${link.nic} ${target}`));
    case 'bcast':
      return [line('bcast', link.nic)];
    case 'mcast':
      return [line('mcast', `${link.nic} ${link.group ?? '225.0.0.1'} ${link.port} ${link.ttl} 0`)];
  }
}

function respawnLines(model: ClusterModel, hb: HeartbeatModel, profile: PlatformProfile): string[] {
  const paths = heartbeatPaths(profile);
  const lines = hb.respawn.map((r, i) => line('respawn', `${r.user} ${haCfValue(r.command, `${hb.path}.respawn[${i}].command`)}`));
  for (const m of monitoredPrimitives(model)) lines.push(line('respawn', `root ${m.path}`));
  if (hb.pingd && !pingReplacesPingd(model)) {
    const { multiplier, dampenMs, attribute } = hb.pingd;
    lines.push(line('respawn', `root ${paths.pingd} -m ${multiplier} -d ${formatCrmDuration(dampenMs)} -a ${attribute}`));
  }
  if (hb.ifcheckd) lines.push(line('respawn', `root ${paths.ifcheckd}`));
  return lines;
}

/** ha.cf for one node: v1 (haresources) or crm mode, in the layout of the heartbeat docs; udpport comes before any media line, as heartbeat demands. */
export function haCfView(model: ClusterModel, hb: HeartbeatModel, node: NodeModel, profile: PlatformProfile): HaCfView {
  const crmMode = model.runtime === 'pacemaker' ? [model.pacemaker?.haCf ?? 'pacemaker on'] : [];
  const logging = [
    ...(hb.debug !== undefined ? [line('debug', hb.debug)] : []),
    ...(hb.logfile ? [line('logfile', haCfValue(hb.logfile, `${hb.path}.logfile`))] : []),
    ...(hb.logfacility ? [line('logfacility', hb.logfacility)] : []),
  ];
  const timing = [
    line('keepalive', formatHaDuration(hb.keepaliveMs)),
    line('deadtime', formatHaDuration(hb.deadtimeMs)),
    ...(hb.deadpingMs !== undefined ? [line('deadping', formatHaDuration(hb.deadpingMs))] : []),
    line('warntime', formatHaDuration(hb.warntimeMs)),
    line('initdead', formatHaDuration(hb.initdeadMs)),
  ];
  const media = [line('udpport', hb.links[0]?.port ?? 694), ...hb.links.flatMap((link) => mediaLines(link, node))];
  const behaviour = [line('auto_failback', hb.autoFailback ? 'on' : 'off'), ...(hb.watchdog ? [line('watchdog', haCfValue(hb.watchdog, `${hb.path}.watchdog`))] : [])];
  const sections = [
    crmMode,
    logging,
    timing,
    media,
    behaviour,
    model.nodes.map((n) => line('node', n.name)),
    hb.ping.map((address) => line('ping', address)),
    respawnLines(model, hb, profile),
    hb.apiauth.map((auth, i) => line('apiauth', haCfValue(auth, `${hb.path}.apiauth[${i}]`))),
  ];
  return { node: node.name, cluster: model.cluster, sections: sections.filter((s) => s.length > 0) };
}
