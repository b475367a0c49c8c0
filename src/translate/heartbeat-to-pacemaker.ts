import type { ClusterInput } from '../model/cluster.js';
import { formatCrmDuration, toMs } from '../model/duration.js';
import { platformProfile } from '../platform/profiles.js';
import { blocked, changed, mapped, type TranslationItem } from './report.js';
import { isGroup, nodeNames, primitiveNames, primitivesOf, type PrimitiveAt, noHeartbeat } from './stack.js';
import type { Translation } from './translation.js';

/** The checks heartbeat v1 respawns as scripts (src/render/monitor-scripts) and what each looks at. */
const respawnChecks: Record<string, string> = {
  memcached: 'memcached answers `stats`',
  http: 'the URL answers',
  tcp: 'the port accepts',
  process: 'the pid file names a live process',
};

/** The agent Pacemaker monitors a primitive through, as the report names it. */
function agentText(at: PrimitiveAt, serviceClass: string): string {
  const { p } = at;
  if ('service' in p) return `${serviceClass}:${p.service}`;
  if ('lsb' in p) return `lsb:${p.lsb}`;
  if ('systemd' in p) return `systemd:${p.systemd}`;
  if ('exec' in p) return 'its rendered init script';
  return 'its resource agent';
}

/** haresources starts a line's resources on its node in order; a group does the same, and a primitive gets a location. */
function placement(draft: ClusterInput): TranslationItem[] {
  const first = nodeNames(draft)[0]!;
  const names = primitiveNames(draft);
  const items: TranslationItem[] = [];
  const taken = new Set(names.values());
  (draft.resources ?? []).forEach((r, i) => {
    const path = `resources[${i}]`;
    if (isGroup(r)) {
      if (taken.has(r.group)) {
        let renamed = `${r.group}_group`;
        for (let n = 2; taken.has(renamed); n++) renamed = `${r.group}_group${n}`;
        items.push(changed(`${path}.group`, 'group-renamed', `group ${r.group} → ${renamed}`, `Pacemaker names groups and resources in one namespace, and ${r.group} already names a member (haresources has no group names)`));
        taken.add(renamed);
        r.group = renamed;
      }
      const line = [r.preferred ?? first, ...r.members.map((_, j) => names.get(`${path}.members[${j}]`))].join(' ');
      items.push(changed(path, 'group-order', `haresources line "${line}" → group ${r.group}, location on ${r.preferred ?? first} score ${r.score ?? 100}`, 'a Pacemaker group starts its members left to right and stops them in reverse, as haresources did'));
      r.preferred ??= first;
      return;
    }
    const name = names.get(path)!;
    (draft.constraints ??= []).push({ id: `loc_${name}_${first}`, location: { rsc: name, node: first, score: 100 } });
    items.push(changed(path, 'group-order', `haresources line "${first} ${name}" → primitive ${name} with location on ${first} score 100`, 'haresources names a node on every line; Pacemaker needs a location constraint for it'));
  });
  return items;
}

function monitors(draft: ClusterInput, serviceClass: string): TranslationItem[] {
  const items: TranslationItem[] = [];
  const names = primitiveNames(draft);
  for (const at of primitivesOf(draft)) {
    const { p, path } = at;
    if ('vip' in p) {
      items.push(changed(path, 'ipaddr2', `IPaddr ${p.vip} → ocf:heartbeat:IPaddr2`, "Pacemaker's Linux address agent (ip addr); haresources' shorthand ran the older IPaddr"));
    }
    const m = p.monitor;
    if (!m?.kind || !(m.kind in respawnChecks)) continue;
    const interval = formatCrmDuration(toMs(m.interval ?? '10s'));
    const what = `respawn ha-chk-${names.get(path)}.sh (every ${interval}: ${respawnChecks[m.kind]}, else hb_standby) → op monitor interval=${interval} on-fail=standby`;
    const why = `Pacemaker checks through ${agentText(at, serviceClass)} instead of the ${m.kind} probe; on-fail=standby moves every resource off the node, as hb_standby did`;
    items.push(changed(`${path}.monitor`, 'respawn-to-monitor-op', what, why));
    p.monitor = { ...m, onFail: 'standby' };
  }
  return items;
}

/** auto_failback off: stickiness above the location score keeps resources where they run when the preferred node returns. */
function failback(draft: ClusterInput): TranslationItem[] {
  const hb = draft.heartbeat!;
  const off = !(hb.autoFailback ?? false);
  delete hb.autoFailback;
  if (!off) return [mapped('heartbeat.autoFailback', 'stickiness', 'auto_failback on → no resource-stickiness', 'resources return to their preferred node, as heartbeat did')];
  const items: TranslationItem[] = [];
  const values = new Set<number>();
  for (const { p, path, group } of primitivesOf(draft)) {
    const score = group ? (group.score ?? 100) : 100;
    if (typeof score !== 'number') {
      items.push(blocked(`${path}`, 'stickiness', `auto_failback off with location score ${score}`, 'no stickiness outweighs an INFINITY location: the resource would always move back'));
      continue;
    }
    const stickiness = Math.max(score, 0) + 100;
    values.add(stickiness);
    p.meta = { ...p.meta, 'resource-stickiness': stickiness };
  }
  if (values.size) {
    items.push(changed('heartbeat.autoFailback', 'stickiness', `auto_failback off → meta resource-stickiness=${[...values].join('/')} on every resource`, 'Pacemaker moves resources back to the preferred node unless their stickiness outweighs its location score (a group counts the sum of its members)'));
  }
  return items;
}

/** Heartbeat v1 has no fencing and no quorum; Pacemaker refuses to start resources without either being settled. */
function clusterOptions(draft: ClusterInput): TranslationItem[] {
  const properties = (draft.properties ??= {});
  const items: TranslationItem[] = [];
  if (properties['stonith-enabled'] === undefined) {
    properties['stonith-enabled'] = false;
    items.push(changed('properties', 'stonith-disabled', 'property stonith-enabled=false', 'heartbeat v1 fenced nothing here, and Pacemaker starts no resource while STONITH is enabled without a device'));
  }
  if (properties['no-quorum-policy'] === undefined) {
    properties['no-quorum-policy'] = 'ignore';
    items.push(changed('properties', 'no-quorum-ignore', 'property no-quorum-policy=ignore', 'heartbeat v1 has no quorum: a node left alone runs the resources'));
  }
  return items;
}

/** heartbeat v1's haresources → Pacemaker resources, still on heartbeat; pacemaker-heartbeat-to-corosync moves the layer. */
export const heartbeatToPacemaker: Translation = {
  id: 'heartbeat-to-pacemaker',
  from: 'heartbeat',
  to: 'pacemaker-heartbeat',
  title: 'heartbeat v1 (haresources) → Pacemaker resources',
  apply(draft, ctx) {
    if (!draft.heartbeat) return noHeartbeat('heartbeat v1');
    const serviceClass = platformProfile(ctx.platform).serviceManager === 'systemd' ? 'service' : 'lsb';
    const items: TranslationItem[] = [
      changed('runtime', 'runtime-pacemaker', 'heartbeat v1 (haresources) → Pacemaker', 'Pacemaker monitors every resource and places it with constraints; haresources only started a line on one node'),
      ...placement(draft),
      ...monitors(draft, serviceClass),
      ...failback(draft),
      ...clusterOptions(draft),
    ];
    draft.runtime = 'pacemaker';
    draft.pacemaker = { messaging: 'heartbeat', syntax: '2' };
    return items;
  },
};
