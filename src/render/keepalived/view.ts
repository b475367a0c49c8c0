import type { ClusterModel, NodeModel, VrrpModel } from '../../model/model.js';
import { splitVrrpVips } from '../../model/normalize.js';
import type { SecretSource } from '../../secrets/source.js';
import { resolveSecret } from '../resolve-secret.js';
import { kaCommand, kaPassword, kaProgram, kaWord, kaWords } from '../escape/keepalived.js';

export interface KeepalivedScriptView {
  name: string;
  script: string;
  interval: string;
  weight: string | null;
  fall: string | null;
  rise: string | null;
  user: string | null;
}

export interface VrrpInstanceView {
  name: string;
  notes: string[];
  state: 'MASTER' | 'BACKUP';
  interface: string;
  vrid: number;
  priority: number;
  advertInt: string;
  version: number | null;
  auth: { type: 'PASS' | 'AH'; pass: string } | null;
  nopreempt: boolean;
  garpMasterDelay: string | null;
  unicastSrcIp: string | null;
  unicastPeers: string[];
  vips: string[];
  excluded: string[];
  track: string[];
  notify: { key: string; command: string }[];
}

export interface KeepalivedView {
  node: string;
  cluster: string;
  global: {
    emails: string[];
    emailFrom: string | null;
    smtpServer: string | null;
    smtpConnectTimeout: string | null;
    routerId: string | null;
    scriptUser: string | null;
    scriptSecurity: boolean;
  };
  scripts: KeepalivedScriptView[];
  instances: VrrpInstanceView[];
  hasSecret: boolean;
}

/** Seconds as keepalived writes them: 1, 0.5, 0.01. */
export const seconds = (ms: number) => String(ms / 1000);

/** Numbers as text so that 0 stays visible to the template's `#if`. */
const text = (n: number | undefined) => (n === undefined ? null : String(n));

function addressOn(node: NodeModel | undefined, nic: string): string | undefined {
  return node?.nics.find((n) => n.name === nic)?.address;
}

function resolvePass(vrrp: VrrpModel, secrets: SecretSource): VrrpInstanceView['auth'] {
  if (!vrrp.auth) return null;
  const path = `${vrrp.path}.auth.passFrom`;
  const pass = resolveSecret(secrets, vrrp.auth.passFrom, path, `the password of VRRP instance ${vrrp.name}`);
  return { type: vrrp.auth.type, pass: kaPassword(pass, path) };
}

function instanceView(model: ClusterModel, vrrp: VrrpModel, nodeName: string, secrets: SecretSource): VrrpInstanceView {
  const me = vrrp.nodes.find((n) => n.node === nodeName)!;
  const notes: string[] = [];
  const auth = resolvePass(vrrp, secrets);
  let state = me.state;
  if (state === 'MASTER' && vrrp.nopreempt) {
    notes.push('nopreempt works only from the BACKUP state: the priority alone elects the master');
    state = 'BACKUP';
  }
  if (state === 'MASTER' && auth?.type === 'AH') {
    notes.push('AH authentication refuses an initial MASTER state: the priority alone elects the master');
    state = 'BACKUP';
  }
  if (auth && vrrp.version === 3) notes.push('VRRPv3 has no authentication: the stack’s auth is not rendered');
  const { vips, excluded } = splitVrrpVips(vrrp, model.keepalived.maxVips);
  const nodes = new Map(model.nodes.map((n) => [n.name, n]));
  const peers = vrrp.nodes.filter((n) => n.node !== nodeName).map((n) => addressOn(nodes.get(n.node), n.interface));
  const notify = (['master', 'backup', 'fault', 'stop'] as const)
    .filter((event) => vrrp.notify[event] !== undefined)
    .map((event) => ({ key: `notify_${event}`, command: kaProgram(vrrp.notify[event]!, `${vrrp.path}.notify.${event}`) }));
  return {
    name: vrrp.name,
    notes,
    state,
    interface: me.interface,
    vrid: vrrp.vrid,
    priority: me.priority,
    advertInt: seconds(vrrp.advertIntMs),
    version: vrrp.version === 3 ? 3 : null,
    auth: vrrp.version === 3 ? null : auth,
    nopreempt: vrrp.nopreempt,
    garpMasterDelay: vrrp.garpMasterDelayMs === undefined ? null : String(Math.round(vrrp.garpMasterDelayMs / 1000)),
    unicastSrcIp: vrrp.unicast ? (addressOn(nodes.get(nodeName), me.interface) ?? null) : null,
    unicastPeers: vrrp.unicast ? peers.filter((p): p is string => p !== undefined) : [],
    vips,
    excluded,
    track: vrrp.track,
    notify,
  };
}

/** Everything keepalived.conf of one node says, decided here so the template only lays it out. */
export function keepalivedView(model: ClusterModel, nodeName: string, secrets: SecretSource): KeepalivedView {
  const instances = model.vrrp.filter((v) => v.nodes.some((n) => n.node === nodeName)).map((v) => instanceView(model, v, nodeName, secrets));
  const tracked = new Set(instances.flatMap((i) => i.track));
  const scripts = model.keepalived.scripts
    .filter((s) => tracked.has(s.name))
    .map((s) => ({
      name: s.name,
      script: kaCommand(s.script, `${s.path}.script`),
      interval: seconds(s.intervalMs),
      weight: text(s.weight),
      fall: text(s.fall),
      rise: text(s.rise),
      user: s.user ?? null,
    }));
  const runsScripts = scripts.length > 0 || instances.some((i) => i.notify.length > 0);
  // keepalived >= 1.3 refuses to run scripts as root unless told so; centos6 ships 1.2, which knows neither keyword
  const modern = model.platform !== 'centos6';
  const k = model.keepalived;
  return {
    node: nodeName,
    cluster: model.cluster,
    global: {
      emails: k.notificationEmail.map((e, i) => kaWord(e, `keepalived.notificationEmail[${i}]`)),
      emailFrom: k.notificationEmailFrom === undefined ? null : kaWord(k.notificationEmailFrom, 'keepalived.notificationEmailFrom'),
      smtpServer: k.smtpServer === undefined ? null : kaWords(k.smtpServer, 'keepalived.smtpServer'),
      smtpConnectTimeout: text(k.smtpConnectTimeout),
      routerId: k.routerId === undefined ? null : kaWord(k.routerId, 'keepalived.routerId'),
      scriptUser: modern && runsScripts ? 'root' : null,
      scriptSecurity: modern && runsScripts,
    },
    scripts,
    instances,
    hasSecret: instances.some((i) => i.auth !== null),
  };
}
