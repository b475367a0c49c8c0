import type { ClusterInput } from '../../model/cluster.js';
import { at } from '../located.js';
import { sliceLines } from '../parse/blocks.js';
import type { KeptStmt, VrrpInstance } from '../parse/keepalived.js';
import { item } from '../report.js';
import type { Assembly, NodeConfig } from './context.js';
import { compact, duration, type Draft } from './draft.js';
import { agreed } from './merge.js';
import { keepSecret, type SecretOptions } from './secrets.js';

type Vrrp = NonNullable<ClusterInput['vrrp']>[number];
type Keepalived = NonNullable<ClusterInput['keepalived']>;

const withConf = (a: Assembly) => a.nodes.filter((n): n is NodeConfig & { keepalived: NonNullable<NodeConfig['keepalived']> } => n.keepalived !== undefined);

function keep(a: Assembly, n: NodeConfig & { keepalived: NonNullable<NodeConfig['keepalived']> }, kept: KeptStmt[]): void {
  for (const k of kept) {
    const where = at(n.keepalived.file.origin, k.stmt.line, k.stmt.column);
    a.items.push(item('passthrough', 'keepalived-statement', sliceLines(n.keepalived.value.text, k.stmt).trim(), { where, why: k.why }));
  }
}

/** The VRRP instances of every node, one per VRID: what all nodes share once, state and priority per node. */
export function assembleKeepalived(a: Assembly, draft: Draft, secrets: SecretOptions): void {
  const confs = withConf(a);
  if (!confs.length) return;
  draft.runtime = 'keepalived';
  const g = (n: (typeof confs)[number]) => n.keepalived.value.global;
  const global = <T>(what: string, path: string, get: (n: (typeof confs)[number]) => T) => agreed(a, what, path, confs.map((n) => ({ node: n.name, value: get(n), where: at(n.keepalived.file.origin, 1) })));
  const emails = global('notification_email', 'keepalived.notificationEmail', (n) => g(n).emails);
  const routerIds = confs.map((n) => g(n).routerId);
  const ka: Keepalived = compact({
    notificationEmail: emails?.length ? emails : undefined,
    notificationEmailFrom: global('notification_email_from', 'keepalived.notificationEmailFrom', (n) => g(n).emailFrom),
    smtpServer: global('smtp_server', 'keepalived.smtpServer', (n) => g(n).smtpServer),
    smtpConnectTimeout: global('smtp_connect_timeout', 'keepalived.smtpConnectTimeout', (n) => g(n).smtpConnectTimeout),
    // router_id is per node by nature (it defaults to the hostname): only a shared one is the stack's
    routerId: routerIds.every((r) => r !== undefined && r === routerIds[0]) ? routerIds[0] : undefined,
  });
  if (routerIds.some((r) => r !== undefined) && ka.routerId === undefined) {
    a.items.push(item('changed', 'router-id', `router_id ${routerIds.join(', ')}`, { why: 'different per node: the stack leaves it to its default, the hostname' }));
  }
  const scripts: NonNullable<Keepalived['scripts']> = {};
  for (const n of confs) {
    keep(a, n, [...n.keepalived.value.kept, ...g(n).kept]);
    a.consumed.add(n.keepalived.file);
    for (const s of n.keepalived.value.scripts) {
      keep(a, n, s.kept);
      if (!s.script) continue;
      const script = compact({ script: s.script, interval: s.intervalMs !== undefined ? duration(s.intervalMs) : undefined, weight: s.weight, fall: s.fall, rise: s.rise, user: s.user });
      const earlier = scripts[s.name];
      if (earlier && JSON.stringify(earlier) !== JSON.stringify(script)) agreed(a, `vrrp_script ${s.name}`, `keepalived.scripts.${s.name}`, [{ node: confs[0]!.name, value: earlier }, { node: n.name, value: script, where: s.where }]);
      else scripts[s.name] = script;
    }
    for (const inc of n.keepalived.value.includes) a.items.push(item('passthrough', 'keepalived-include', `include ${inc.pattern}`, { where: inc.where, why: 'import reads the included file only when it is given too; the stack writes one keepalived.conf' }));
  }
  if (Object.keys(scripts).length) ka.scripts = scripts;
  if (Object.keys(ka).length) draft.keepalived = ka;
  const byVrid = new Map<string, { node: (typeof confs)[number]; inst: VrrpInstance }[]>();
  for (const n of confs) for (const inst of n.keepalived.value.instances) {
    const key = inst.vrid !== undefined ? `${inst.vrid} ${inst.interface ?? ''}` : inst.name;
    byVrid.set(key, [...(byVrid.get(key) ?? []), { node: n, inst }]);
  }
  const vrrp: Vrrp[] = [];
  for (const list of byVrid.values()) {
    const first = list[0]!.inst;
    const path = `vrrp[${vrrp.length}]`;
    const same = <T>(what: string, key: string, get: (i: VrrpInstance) => T) => agreed(a, `${first.name} ${what}`, `${path}.${key}`, list.map((x) => ({ node: x.node.name, value: get(x.inst), where: x.inst.where })));
    if (first.vrid === undefined || !first.interface) {
      a.items.push(item('passthrough', 'vrrp-incomplete', `vrrp_instance ${first.name}`, { where: first.where, why: 'no virtual_router_id or interface: keepalived would refuse it' }));
      continue;
    }
    const nodes: Vrrp['nodes'] = {};
    for (const { node, inst } of list) {
      const priority = inst.priority ?? 100;
      nodes[node.name] = compact({ state: inst.state ?? (priority >= 255 ? 'MASTER' : 'BACKUP'), priority, interface: inst.interface !== first.interface ? inst.interface : undefined });
      if (inst.state === undefined) a.items.push(item('assumed', 'vrrp-state', `${first.name} on ${node.name}: state ${nodes[node.name]!.state}`, { where: inst.where, why: 'no state line' }));
    }
    const advert = same('advert_int', 'advertInt', (i) => i.advertIntMs);
    const notify = same('notify', 'notify', (i) => i.notify);
    const v: Vrrp = compact({
      name: first.name,
      interface: first.interface,
      vrid: first.vrid,
      version: same('version', 'version', (i) => i.version),
      advertInt: advert !== undefined ? duration(advert) : undefined,
      nodes,
      vips: same('virtual_ipaddress', 'vips', (i) => i.vips) ?? [],
      excludedVips: first.excluded.length ? same('virtual_ipaddress_excluded', 'excludedVips', (i) => i.excluded) : undefined,
      notify: notify && Object.keys(notify).length ? notify : undefined,
      track: first.track.length ? same('track_script', 'track', (i) => i.track) : undefined,
      nopreempt: same('nopreempt', 'nopreempt', (i) => i.nopreempt) || undefined,
      unicast: first.unicastPeers.length ? true : undefined,
      garpMasterDelay: first.garpMasterDelayMs !== undefined ? duration(first.garpMasterDelayMs) : undefined,
    }) as Vrrp;
    if (first.auth) {
      same('auth_type', 'auth.type', (i) => i.auth?.type);
      agreed(a, `${first.name} auth_pass`, `${path}.auth.passFrom`, list.map((x) => ({ node: x.node.name, value: x.inst.auth?.pass, where: x.inst.auth?.where })), false);
      const env = `HACTL_VRRP_PASS${vrrp.length ? `_${first.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}` : ''}`;
      const name = `vrrp-${first.name.replace(/[^A-Za-z0-9_.-]+/g, '_')}.pass`;
      v.auth = { type: first.auth.type, passFrom: keepSecret(a, secrets, { name, env, what: `the auth_pass of vrrp_instance ${first.name}`, path: `${path}.auth.passFrom`, value: first.auth.pass, where: first.auth.where }) };
    }
    for (const { node, inst } of list) keep(a, node, inst.kept);
    for (const event of Object.values(v.notify ?? {})) a.referenced.push(event as string);
    vrrp.push(v);
  }
  if (vrrp.length) draft.vrrp = vrrp;
  for (const s of Object.values(scripts)) {
    const program = s.script.replace(/^'([^']*)'.*$/, '$1').split(' ')[0];
    if (program?.startsWith('/')) a.referenced.push(program);
  }
}
