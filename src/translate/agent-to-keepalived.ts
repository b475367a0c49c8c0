import type { ClusterInput } from '../model/cluster.js';
import { toMs } from '../model/duration.js';
import { inSubnet, parseCidr } from '../model/network.js';
import { propertiesDropped } from './quorumless.js';
import { blocked, changed, mapped, type TranslationItem } from './report.js';
import { duration, isGroup, kindOf, linksOf, noHeartbeat, nodeNames, primitiveNames, secondsText, type PrimitiveInput, type VrrpInput } from './stack.js';
import type { Translation } from './translation.js';
import { advertFor, masterDownMs } from './vrrp-timing.js';

const MASTER_PRIORITY = 150;
const BACKUP_PRIORITY = 100;
/** keepalived's own example router id; each instance takes the next one */
const FIRST_VRID = 51;

/** The NIC a VIP lands on: the stack's, else the first NIC whose subnet holds it (as the agent picks it). */
function nicOf(draft: ClusterInput, p: Extract<PrimitiveInput, { vip: string }>): string | undefined {
  if (p.nic) return p.nic;
  const ip = parseCidr(p.vip).address;
  for (const node of Object.values(draft.nodes)) {
    for (const [name, nic] of Object.entries(node.nics)) if (inSubnet(ip, parseCidr(typeof nic === 'string' ? nic : nic.address))) return name;
  }
  return undefined;
}

interface Unit {
  name: string;
  path: string;
  members: { p: PrimitiveInput; path: string }[];
  preferred?: string;
  notify?: { master?: string; backup?: string; fault?: string };
  failure: boolean;
}

/** Groups, and lone primitives as groups of one: VRRP's unit is an instance holding addresses. */
function units(draft: ClusterInput): Unit[] {
  return (draft.resources ?? []).map((r, i): Unit => {
    const path = `resources[${i}]`;
    if (isGroup(r)) {
      return { name: r.group, path, members: r.members.map((p, j) => ({ p, path: `${path}.members[${j}]` })), preferred: r.preferred, notify: r.notify, failure: r.migrationThreshold !== undefined || r.failureTimeout !== undefined };
    }
    return { name: primitiveNames(draft).get(path)!, path, members: [{ p: r, path }], failure: false };
  });
}

function instance(draft: ClusterInput, unit: Unit, vrid: number, advert: ReturnType<typeof advertFor>, unicastNics: Set<string>): { vrrp?: VrrpInput; items: TranslationItem[] } {
  const items: TranslationItem[] = [];
  const names = primitiveNames(draft);
  const vips: { ip: string; nic: string | undefined }[] = [];
  for (const { p, path } of unit.members) {
    if (!('vip' in p)) {
      items.push(blocked(path, 'vrrp-no-services', `${kindOf(p)} ${names.get(path)}${unit.members.length > 1 ? ` in group ${unit.name}` : ''}`, 'VRRP cannot order services in a group: keepalived only moves addresses (keep the agent, or check the service with a track script)'));
      continue;
    }
    vips.push({ ip: p.vip, nic: nicOf(draft, p) });
    const ops = (['start', 'stop', 'monitor'] as const).filter((op) => p[op] !== undefined);
    if (ops.length || p.meta || p.migrationThreshold !== undefined || p.failureTimeout !== undefined) {
      items.push(changed(path, 'vip-ops-dropped', `${[...ops.map((o) => `op ${o}`), ...(p.meta ? ['meta'] : []), ...(p.migrationThreshold !== undefined || p.failureTimeout !== undefined ? ['failure counting'] : [])].join(', ')} of ${names.get(path)} dropped`, 'keepalived adds and removes the addresses itself and does not monitor them'));
    }
  }
  const nics = [...new Set(vips.map((v) => v.nic))];
  if (nics.length !== 1 || nics[0] === undefined) {
    if (vips.length) items.push(blocked(unit.path, 'vrrp-one-nic', `${unit.name}'s addresses on ${nics.map((n) => n ?? 'no NIC').join(', ')}`, 'a VRRP instance moves addresses on one interface: split the group per NIC, or keep the agent'));
    return { items };
  }
  const nic = nics[0];
  if (unit.failure) items.push(changed(unit.path, 'failure-counting-dropped', `migrationThreshold/failureTimeout of ${unit.name} dropped`, 'keepalived counts no failures: nothing it runs can fail'));
  const nodes = nodeNames(draft);
  const master = unit.preferred ?? nodes[0]!;
  const vrrpNodes = Object.fromEntries(
    [master, ...nodes.filter((n) => n !== master)].map((n, i) => [n, i === 0 ? { state: 'MASTER' as const, priority: MASTER_PRIORITY } : { state: 'BACKUP' as const, priority: BACKUP_PRIORITY - (i - 1) }]),
  );
  items.push(changed(unit.path, 'group-to-vrrp', `group ${unit.name} → VRRP instance ${unit.name} on ${nic}, virtual_router_id ${vrid}, ${master} MASTER ${MASTER_PRIORITY}, others BACKUP ${BACKUP_PRIORITY}`, `the preferred node becomes the master by priority; VRRP needs a router id unique on the segment (${FIRST_VRID} is keepalived's example): check that no other router on ${nic} uses it`));
  const notify = unit.notify ?? {};
  if (notify.master || notify.backup || notify.fault) items.push(mapped(`${unit.path}.notify`, 'notify', 'group notify → notify_master/backup/fault', 'keepalived runs them on the same state changes'));
  return {
    vrrp: {
      name: unit.name,
      interface: nic,
      vrid,
      ...(advert.version ? { version: advert.version } : {}),
      advertInt: duration(advert.advertMs),
      nodes: vrrpNodes,
      vips: vips.map((v) => v.ip),
      ...(Object.keys(notify).length ? { notify } : {}),
      ...(unicastNics.has(nic) ? { unicast: true } : {}),
    },
    items,
  };
}

/** The agent's ping targets as a keepalived track script: one failing node drops below the best backup. */
function pingScript(draft: ClusterInput, instances: VrrpInput[]): TranslationItem[] {
  const targets = draft.heartbeat?.ping ?? [];
  if (targets.length === 0) return [];
  if (targets.length > 1) {
    return [blocked('heartbeat.ping', 'ping-track', `ping nodes ${targets.join(', ')}`, 'the agent weighs how many ping nodes each node reaches; one keepalived track script per node would fail over as soon as any one is lost')];
  }
  const weight = -(MASTER_PRIORITY - BACKUP_PRIORITY + 1);
  draft.keepalived = { ...draft.keepalived, scripts: { ...draft.keepalived?.scripts, chk_ping: { script: `/bin/ping -c 1 -W 1 ${targets[0]}`, interval: '2s', weight, fall: 2, rise: 2 } } };
  for (const v of instances) v.track = [...(v.track ?? []), 'chk_ping'];
  return [changed('heartbeat.ping', 'ping-track', `ping node ${targets[0]} → track script chk_ping (ping every 2 s, weight ${weight})`, 'a master that loses the ping node drops below the backup, which takes the addresses: the agent’s ping weighting with one node')];
}

/** The agent's settings that VRRP has nothing for; dropped when harmless, blocked when behaviour would be lost. */
function leftovers(draft: ClusterInput): TranslationItem[] {
  const items: TranslationItem[] = [];
  (draft.constraints ?? []).forEach((_, i) => items.push(blocked(`constraints[${i}]`, 'vrrp-constraints', 'constraint', 'keepalived instances are independent: VRRP has no location, colocation or order')));
  if (draft.agent?.fencing) items.push(blocked('agent.fencing', 'fencing', 'fencing command', 'keepalived fences nothing'));
  if (draft.agent?.controlSocket) items.push(changed('agent.controlSocket', 'agent-socket-dropped', 'control socket dropped', 'keepalived has none; its state is in the JSON dump'));
  items.push(...propertiesDropped(draft, 'VRRP has no quorum: a backup takes over whenever the master goes silent', 'keepalived has no cluster properties: a backup takes over whenever the master goes silent'));
  const auth = draft.auth;
  if (auth) items.push(changed('auth', 'vrrp-no-auth', `${auth.method} heartbeat authentication → none on VRRP adverts`, 'VRRP has no keyed authentication: PASS would send a password of 8 characters in clear in every advert, and VRRPv3 has none'));
  return items;
}

/** Groups of VIPs → VRRP instances; what VRRP cannot express (services, order, constraints) blocks. */
export const agentToKeepalived: Translation = {
  id: 'agent-to-keepalived',
  from: 'agent',
  to: 'keepalived',
  title: 'the hactl agent → keepalived (VRRP), groups of VIPs only',
  apply(draft) {
    const hb = draft.heartbeat;
    if (!hb) return noHeartbeat('the agent');
    const items: TranslationItem[] = [changed('runtime', 'runtime-keepalived', 'agent → keepalived', 'VRRP moves addresses between nodes; it runs no services')];
    const keepaliveMs = toMs(hb.keepalive ?? 2);
    const advert = advertFor(keepaliveMs);
    const links = linksOf(hb);
    const unicastNics = new Set(links.filter(({ link }) => (link.mode ?? 'ucast') === 'ucast').map(({ link }) => link.nic));
    const made = units(draft).map((u, i) => instance(draft, u, FIRST_VRID + i, advert, unicastNics));
    const instances = made.flatMap((m) => (m.vrrp ? [m.vrrp] : []));
    items.push(...made.flatMap((m) => m.items));
    const used = new Set(instances.map((v) => v.interface));
    for (const { link, path } of links) {
      items.push(used.has(link.nic)
        ? mapped(path, 'vrrp-links', `${link.mode ?? 'ucast'} heartbeats on ${link.nic} → VRRP adverts on ${link.nic}${unicastNics.has(link.nic) ? ' (unicast)' : ''}`, 'VRRP advertises on the interface of its addresses')
        : changed(path, 'vrrp-links', `heartbeat link on ${link.nic} dropped`, 'VRRP advertises only on the interface of its addresses'));
    }
    const masterDown = masterDownMs(advert.advertMs, BACKUP_PRIORITY);
    items.push(changed('heartbeat.keepalive', 'vrrp-timings', `keepalive ${secondsText(keepaliveMs)} → advert_int ${secondsText(advert.advertMs)}${advert.version ? ' (VRRPv3: sub-second adverts)' : ''}; deadtime ${secondsText(toMs(hb.deadtime ?? keepaliveMs * 15 / 1000))} → master down after 3 × advert_int + skew (${secondsText(masterDown)})`, 'VRRP derives its failure detection from the advert interval; warntime and initdead have no counterpart'));
    items.push(mapped('heartbeat.autoFailback', 'preempt', `auto_failback ${hb.autoFailback ? 'on → preempt' : 'off → nopreempt'}`, hb.autoFailback ? 'the master takes its addresses back' : 'keepalived starts every node as BACKUP so that priority alone elects, and the addresses stay where they are'));
    if (!hb.autoFailback) for (const v of instances) v.nopreempt = true;
    items.push(...pingScript(draft, instances), ...leftovers(draft));
    draft.runtime = 'keepalived';
    draft.vrrp = instances;
    for (const key of ['heartbeat', 'auth', 'resources', 'constraints', 'properties', 'agent'] as const) delete draft[key];
    return items;
  },
};
