import type { ClusterInput } from '../model/cluster.js';
import { toMs } from '../model/duration.js';
import { describeKey, newKey } from './auth.js';
import { blocked, changed, mapped, type TranslationItem } from './report.js';
import { duration, nodeNames, secondsText, type GroupInput, type LinkInput, type VrrpInput } from './stack.js';
import type { Translation } from './translation.js';
import { masterDownMs } from './vrrp-timing.js';

/** keepalived adds an address written without a prefix as /32. */
const withPrefix = (vip: string) => (vip.includes('/') ? vip : `${vip}/32`);

function group(v: VrrpInput, i: number, nodes: string[]): { group: GroupInput; items: TranslationItem[] } {
  const path = `vrrp[${i}]`;
  const items: TranslationItem[] = [];
  const ranked = Object.entries(v.nodes).sort(([, a], [, b]) => b.priority - a.priority);
  const master = Object.entries(v.nodes).find(([, n]) => n.state === 'MASTER')?.[0] ?? ranked[0]![0];
  const all = [...v.vips, ...(v.excludedVips ?? [])];
  const bare = all.some((a) => !a.includes('/'));
  items.push(mapped(path, 'vrrp-to-group', `instance ${v.name} (${ranked.map(([n, x]) => `${n} ${x.state} ${x.priority}`).join(', ')}) → group ${v.name} preferred on ${master}`, 'the agent places the group on its preferred node as VRRP elects its master'));
  items.push(mapped(`${path}.vips`, 'vips', `${all.length} VIP${all.length === 1 ? '' : 's'} → vip resources on ${v.interface}${bare ? ' (a bare address as /32)' : ''}`, 'keepalived adds a bare address as /32, and so does the vip resource'));
  if (v.excludedVips?.length) items.push(mapped(`${path}.excludedVips`, 'vips', `${v.excludedVips.length} excluded VIPs → vip resources`, 'keepalived adds them like the others; only its adverts left them out'));
  items.push(changed(`${path}.vrid`, 'vrid-dropped', `virtual_router_id ${v.vrid}${v.version === 3 ? ' (VRRPv3)' : ''} dropped`, 'the agent names its groups: it needs no router id and no virtual MAC'));
  for (const [node, n] of Object.entries(v.nodes)) {
    if (n.interface && n.interface !== v.interface) items.push(blocked(`${path}.nodes.${node}.interface`, 'vrrp-node-interface', `${node} uses ${n.interface} instead of ${v.interface}`, 'a vip resource has one NIC name on every node'));
  }
  const missing = nodes.filter((n) => !(n in v.nodes));
  if (missing.length) items.push(blocked(`${path}.nodes`, 'vrrp-nodes', `instance ${v.name} leaves out ${missing.join(', ')}`, 'an agent group may run on every node of the stack'));
  (v.track ?? []).forEach((name, j) =>
    items.push(blocked(`${path}.track[${j}]`, 'track-script', `track script ${name}`, "the agent checks the services it runs: make the service a resource with a monitor instead of a script that lowers VRRP's priority")),
  );
  const notify = v.notify ?? {};
  if (notify.stop) items.push(blocked(`${path}.notify.stop`, 'notify-stop', `notify_stop ${notify.stop}`, 'the agent runs notify scripts on master, backup and fault only'));
  const { master: onMaster, backup, fault } = notify;
  if (onMaster || backup || fault) items.push(mapped(`${path}.notify`, 'notify', 'notify scripts → group notify', 'the agent runs them when the group becomes active, passive or fails'));
  if (v.garpMasterDelay !== undefined) items.push(changed(`${path}.garpMasterDelay`, 'garp-delay-dropped', `garp_master_delay ${v.garpMasterDelay} dropped`, 'the agent sends gratuitous ARP as it adds each address'));
  const groupInput: GroupInput = {
    group: v.name,
    preferred: master,
    members: all.map((vip) => ({ vip: withPrefix(vip), nic: v.interface })),
    ...(onMaster || backup || fault ? { notify: { ...(onMaster ? { master: onMaster } : {}), ...(backup ? { backup } : {}), ...(fault ? { fault } : {}) } } : {}),
  };
  return { group: groupInput, items };
}

/** VRRP's adverts and master-down interval in heartbeat's terms, on the instances' NICs. */
function heartbeatFrom(vrrps: VrrpInput[]): { hb: NonNullable<ClusterInput['heartbeat']>; items: TranslationItem[] } {
  const advertMs = Math.min(...vrrps.map((v) => toMs(v.advertInt ?? 1)));
  const backup = Math.max(...vrrps.flatMap((v) => Object.values(v.nodes).filter((n) => n.state === 'BACKUP').map((n) => n.priority)), 1);
  const deadMs = masterDownMs(advertMs, backup);
  const nics = [...new Set(vrrps.map((v) => v.interface))];
  const links: LinkInput[] = nics.map((nic) => ({ nic, mode: 'ucast', port: 694 }));
  const preempt = vrrps.map((v) => !v.nopreempt);
  const items = [
    changed('vrrp', 'vrrp-links', `VRRP adverts on ${nics.join(', ')} → agent heartbeats, ucast udp 694 on the same NIC${nics.length > 1 ? 's' : ''}`, 'the agent sends authenticated unicast heartbeats to each peer instead of multicast adverts'),
    changed('vrrp', 'vrrp-timings', `advert_int ${secondsText(advertMs)} → keepalive ${duration(advertMs)}; master down interval (3 × advert_int + skew for priority ${backup}) → deadtime ${duration(deadMs)}; warntime ${duration(2 * advertMs)}, initdead ${duration(2 * deadMs)}`, 'the agent declares the master dead after as long as a VRRP backup waits; initdead twice that, heartbeat’s rule of thumb'),
  ];
  const autoFailback = preempt.every(Boolean);
  if (preempt.some((p) => p !== autoFailback)) {
    items.push(blocked('vrrp', 'nopreempt-mixed', 'some instances preempt and some do not', 'the agent has one auto_failback for the whole cluster'));
  }
  items.push(mapped('vrrp', 'preempt', `${autoFailback ? 'preempt' : 'nopreempt'} → auto_failback ${autoFailback ? 'on' : 'off'}`, autoFailback ? 'the higher priority takes the addresses back, as the preferred node does' : 'the addresses stay where they are'));
  return {
    hb: {
      interconnect: links.length === 1 ? links[0]! : links,
      keepalive: duration(advertMs),
      warntime: duration(2 * advertMs),
      deadtime: duration(deadMs),
      initdead: duration(2 * deadMs),
      autoFailback,
    },
    items,
  };
}

/** What keepalived's global section says that the agent has no counterpart for. */
function globals(draft: ClusterInput): TranslationItem[] {
  const k = draft.keepalived;
  if (!k) return [];
  const items: TranslationItem[] = [];
  if (k.notificationEmail?.length || k.smtpServer || k.notificationEmailFrom) {
    items.push(changed('keepalived.notificationEmail', 'email-dropped', 'notification_email, smtp_server dropped', 'keepalived mails only for instances with smtp_alert, which the stack never sets: no mail was sent'));
  }
  if (k.routerId) items.push(changed('keepalived.routerId', 'router-id-dropped', `router_id ${k.routerId} dropped`, 'it only named the node in keepalived’s mails and logs'));
  const tracked = new Set((draft.vrrp ?? []).flatMap((v) => v.track ?? []));
  for (const name of Object.keys(k.scripts ?? {}).filter((s) => !tracked.has(s))) {
    items.push(changed(`keepalived.scripts.${name}`, 'script-dropped', `vrrp_script ${name} dropped`, 'no instance tracks it, so keepalived never ran it'));
  }
  return items;
}

/** keepalived's VRRP instances → agent groups of VIPs, VRRP timing → heartbeat timing, VRRP auth → a keyed HMAC. */
export const keepalivedToAgent: Translation = {
  id: 'keepalived-to-agent',
  from: 'keepalived',
  to: 'agent',
  title: 'keepalived (VRRP) → the hactl agent',
  apply(draft, ctx) {
    const vrrps = draft.vrrp ?? [];
    if (vrrps.length === 0) return [blocked('vrrp', 'vrrp-missing', 'no VRRP instance', 'keepalived stacks put their addresses in vrrp[]')];
    const items: TranslationItem[] = [changed('runtime', 'runtime-agent', 'keepalived → agent', 'the agent moves the same addresses as groups, and can also run and check the services behind them')];
    const nodes = nodeNames(draft);
    const groups = vrrps.map((v, i) => group(v, i, nodes));
    const timing = heartbeatFrom(vrrps);
    items.push(...timing.items, ...groups.flatMap((g) => g.items), ...globals(draft));
    const keyFrom = newKey(draft, ctx);
    const authed = vrrps.findIndex((v) => v.auth);
    const was = authed < 0 ? 'no VRRP authentication' : `VRRP ${vrrps[authed]!.auth!.type} password of ${vrrps[authed]!.name}`;
    items.push(changed(authed < 0 ? 'vrrp' : `vrrp[${authed}].auth`, 'auth-new-key', `${was} → sha256 with a new key (${describeKey(keyFrom)})`, 'a VRRP password is at most 8 characters, sent in clear (PASS) in every advert; the agent signs its heartbeats with an HMAC key'));
    if (nodes.length > 2) {
      draft.properties = { 'no-quorum-policy': 'ignore', ...draft.properties };
      items.push(changed('properties', 'no-quorum-ignore', 'property no-quorum-policy=ignore', 'VRRP has no quorum: any backup left takes the addresses'));
    }
    draft.runtime = 'agent';
    draft.heartbeat = timing.hb;
    draft.auth = { method: 'sha256', keyFrom };
    draft.resources = [...(draft.resources ?? []), ...groups.map((g) => g.group)];
    delete draft.vrrp;
    delete draft.keepalived;
    return items;
  },
};
