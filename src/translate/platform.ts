import { packagesFor } from '../platform/packages.js';
import type { ClusterInput } from '../model/cluster.js';
import type { ClusterModel } from '../model/model.js';
import { normalize } from '../model/normalize.js';
import { platformProfile, type PlatformProfile } from '../platform/profiles.js';
import { heartbeatPaths } from '../render/heartbeat/paths.js';
import { monitoredPrimitives } from '../render/monitor-scripts/select.js';
import { blocked, changed, mapped, type TranslationItem } from './report.js';
import { primitivesOf, type PrimitiveAt } from './stack.js';
import type { TranslateContext } from './translation.js';

/** CentOS 6 init scripts whose daemon Debian 12 ships under another name (a systemd unit there). */
const debianNames: Record<string, string> = {
  httpd: 'apache2',
  smb: 'smbd',
  nmb: 'nmbd',
  crond: 'cron',
  sshd: 'ssh',
  mysqld: 'mariadb',
};

/** The Pacemaker class a service resource gets (src/render/pacemaker/agents.ts): service: picks the init script or unit. */
const serviceClass = (profile: PlatformProfile) => (profile.serviceManager === 'systemd' ? 'service' : 'lsb');

/** Swaps a primitive's kind key in place, keeping it first so the written YAML reads as before. */
function replaceKind(p: PrimitiveAt['p'], kind: string, next: Record<string, unknown>): void {
  const target = p as Record<string, unknown>;
  const rest = Object.entries(target).filter(([k]) => k !== kind);
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, next, Object.fromEntries(rest));
}

function services(at: PrimitiveAt, from: PlatformProfile, to: PlatformProfile): TranslationItem[] {
  const { p, path } = at;
  if ('service' in p) {
    const name = debianNames[p.service] ?? p.service;
    const what = `service ${p.service}: ${serviceClass(from)}:${p.service} → ${serviceClass(to)}:${name}`;
    const renamed = name === p.service ? '' : `; ${to.name} names the daemon ${name}`;
    p.service = name;
    return [changed(path, 'service-class', what, `a service resource follows the platform's init system${renamed}`)];
  }
  if ('lsb' in p && debianNames[p.lsb]) {
    const name = debianNames[p.lsb]!;
    const what = `lsb:${p.lsb} → service ${name} (${serviceClass(to)}:${name})`;
    replaceKind(p, 'lsb', { service: name });
    return [changed(path, 'lsb-renamed', what, `${to.name} ships the daemon as ${name} and starts it with ${to.serviceManager}`)];
  }
  if ('apache' in p && p.apache.configfile === from.apacheConfigFile) {
    const what = `configfile ${p.apache.configfile} → ${to.apacheConfigFile}`;
    p.apache = { ...p.apache, configfile: to.apacheConfigFile };
    const items = [changed(`${path}.apache.configfile`, 'apache-config', what, `${to.name}'s apache2 package keeps its configuration there`)];
    if (p.apache.proxies?.length) {
      const modules = to.name === 'debian12' ? '; Debian enables mod_proxy and mod_proxy_ajp only through a2enmod, so the file loads them itself (LoadModule inside <IfModule !...>)' : '';
      items.push(changed(`${path}.apache.proxies`, 'apache-conf-dir', `proxy config ${from.apacheConfDir}/httpd-proxy.conf → ${to.apacheConfDir}/httpd-proxy.conf`, `where the platform's Apache reads extra configuration${modules}`));
    }
    return items;
  }
  if ('tomcat' in p && to.tomcat && p.tomcat.catalinaHome !== to.tomcat.home) {
    const what = `catalina_home ${p.tomcat.catalinaHome} and java_home ${p.tomcat.javaHome} → ${to.tomcat.home} (catalina_base ${to.tomcat.base}) and ${to.tomcat.javaHome}`;
    p.tomcat = { ...p.tomcat, catalinaHome: to.tomcat.home, javaHome: to.tomcat.javaHome };
    return [changed(`${path}.tomcat.catalinaHome`, 'tomcat-home', what, `${to.name} installs Tomcat and a JRE from its ${to.packages.tomcat.join(' and ')} packages instead of the guide's tarball, and keeps the instance in ${to.tomcat.base}`)];
  }
  if ('tomcat' in p) return [mapped(`${path}.tomcat.catalinaHome`, 'tomcat-home', `catalina_home ${p.tomcat.catalinaHome} and java_home ${p.tomcat.javaHome} kept`, 'the stack names its own Tomcat install, not a distribution path')];
  return [];
}

function heartbeat(draft: ClusterInput, from: PlatformProfile, to: PlatformProfile): TranslationItem[] {
  const hb = draft.heartbeat;
  if (!hb) return [];
  const items: TranslationItem[] = [];
  hb.respawn?.forEach((r, i) => {
    if (!r.command.startsWith(`${from.heartbeatLibDir}/`)) return;
    const command = `${to.heartbeatLibDir}${r.command.slice(from.heartbeatLibDir.length)}`;
    items.push(changed(`heartbeat.respawn[${i}].command`, 'heartbeat-lib-dir', `${r.command} → ${command}`, `${to.name} installs heartbeat's helpers in ${to.heartbeatLibDir}`));
    r.command = command;
  });
  if (hb.ifcheckd && !to.packages.pacemaker.includes('pm_extras')) {
    delete hb.ifcheckd;
    items.push(changed('heartbeat.ifcheckd', 'ifcheckd-dropped', 'ifcheckd dropped', `it came with pm_extras, which ${to.name} does not have`));
  }
  return items;
}

/** More addresses than keepalived 1.2 announced moved to virtual_ipaddress_excluded; keepalived 2 announces them all. */
function keepalived(draft: ClusterInput, from: PlatformProfile, to: PlatformProfile): TranslationItem[] {
  const limit = from.keepalivedMaxVips;
  if (draft.keepalived?.maxVips !== undefined || limit === undefined || limit === to.keepalivedMaxVips) return [];
  return (draft.vrrp ?? []).flatMap((v, i) =>
    v.vips.length > limit
      ? [changed(`vrrp[${i}].vips[${limit}]`, 'vip-limit', `VIPs ${limit + 1}-${v.vips.length} of ${v.name}: virtual_ipaddress_excluded → virtual_ipaddress`, `keepalived on ${to.name} announces every address; on ${from.name} it carried at most ${limit} per advert`)]
      : [],
  );
}

function files(draft: ClusterInput, from: PlatformProfile, to: PlatformProfile): TranslationItem[] {
  const items: TranslationItem[] = [];
  draft.files?.forEach((f, i) => {
    if (f.path.startsWith(`${from.apacheConfDir}/`)) {
      const path = `${to.apacheConfDir}${f.path.slice(from.apacheConfDir.length)}`;
      items.push(changed(`files[${i}].path`, 'file-path', `${f.path} → ${path}`, "where the platform's Apache reads extra configuration"));
      f.path = path;
    } else if (f.path.startsWith('/etc/sysconfig/')) {
      items.push(blocked(`files[${i}].path`, 'file-path', f.path, `${to.name} has no /etc/sysconfig: write the settings where its package reads them`));
    }
  });
  return items;
}

function vagrant(draft: ClusterInput, from: PlatformProfile, to: PlatformProfile): TranslationItem[] {
  const v = draft.vagrant;
  if (!v) return [];
  const items: TranslationItem[] = [];
  if (v.box === from.vagrantBox) {
    delete v.box;
    items.push(changed('vagrant.box', 'vagrant-box', `box ${from.vagrantBox} → ${to.vagrantBox}`, "the platform's box"));
  }
  if (v.provider === 'virtualbox' && to.vagrantBox === 'hactl/debian12') {
    delete v.provider;
    items.push(changed('vagrant.provider', 'vagrant-provider', 'virtualbox → libvirt', `${to.vagrantBox} is built as a libvirt box (scripts/build-box)`));
  }
  return items;
}

/** Paths, service names and defaults that differ between the platforms; the runtime is left to the translations. */
export function retargetPlatform(draft: ClusterInput, ctx: TranslateContext): TranslationItem[] {
  const from = platformProfile(ctx.sourcePlatform);
  const to = ctx.profile;
  if (from.name === 'debian12' && to.name === 'centos6') {
    return [blocked('platform', 'platform-downgrade', 'debian12 → centos6', 'hactl retargets the seeds’ CentOS 6 stacks to Debian 12, not back')];
  }
  // the Pacemaker syntax follows the platform when the stack leaves it out: keep the source's, pacemaker-syntax.ts moves it on
  if (draft.pacemaker && draft.pacemaker.syntax === undefined) draft.pacemaker.syntax = from.pacemakerSyntax;
  const items: TranslationItem[] = [changed('platform', 'platform', `${from.name} → ${to.name}`, `the target machines run ${to.name}`)];
  items.push(...primitivesOf(draft).flatMap((at) => services(at, from, to)));
  items.push(...heartbeat(draft, from, to), ...keepalived(draft, from, to), ...files(draft, from, to), ...vagrant(draft, from, to));
  if (draft.corosync?.logfile === from.corosyncLogfile && from.corosyncLogfile !== to.corosyncLogfile) {
    draft.corosync.logfile = to.corosyncLogfile;
    items.push(changed('corosync.logfile', 'corosync-log', `${from.corosyncLogfile} → ${to.corosyncLogfile}`, `where ${to.name}'s corosync package logs`));
  }
  draft.drbd?.forEach((d, i) => {
    if (d.version === undefined && from.drbdVersion !== to.drbdVersion) {
      items.push(changed(`drbd[${i}]`, 'drbd-version', `${d.name}: DRBD ${from.drbdVersion} configuration → ${to.drbdVersion}`, `${to.name} ships drbd-utils ${to.drbdVersion}`));
    }
  });
  draft.platform = to.name;
  return items;
}

/** The daemons a runtime runs, as the service manager names them. */
function daemons(model: ClusterModel): string[] {
  if (model.runtime === 'keepalived') return ['keepalived'];
  if (model.runtime === 'agent') return ['hactl-agent'];
  // corosync 1.x starts Pacemaker as its plugin (service { name: pacemaker }); from corosync 2 on it is a service of its own
  if (model.runtime === 'pacemaker' && model.pacemaker?.messaging === 'corosync') return model.corosync?.version === 1 ? ['corosync'] : ['corosync', 'pacemaker'];
  return ['heartbeat'];
}

function serviceCommands(model: ClusterModel): string {
  const profile = platformProfile(model.platform);
  return daemons(model).flatMap((d) => [profile.enableService(d), profile.serviceAction(d, 'restart')]).join(', ');
}

/** What changed for the machines as a whole: the packages hactl installs and how it starts the daemons. */
export function platformSummary(before: ClusterInput, after: ClusterInput): TranslationItem[] {
  const [a, b] = [normalize(before), normalize(after)];
  const items: TranslationItem[] = [];
  const [pa, pb] = [packagesFor(a).join(' '), packagesFor(b).join(' ')];
  if (pa !== pb) {
    const install = (m: ClusterModel) => platformProfile(m.platform).packageInstall.split(' ').find((w) => w === 'yum' || w === 'apt-get') ?? 'install';
    items.push(changed('platform', 'packages', `packages ${install(a)}: ${pa} → ${install(b)}: ${pb}`, 'what the target installs for this stack'));
  }
  const [sa, sb] = [serviceCommands(a), serviceCommands(b)];
  if (sa !== sb) items.push(changed('platform', 'service-commands', `${sa} → ${sb}`, 'how the target starts the cluster daemons'));
  const [ha, hb] = [heartbeatPaths(platformProfile(a.platform)).hbStandby, heartbeatPaths(platformProfile(b.platform)).hbStandby];
  if (monitoredPrimitives(a).length && monitoredPrimitives(b).length && ha !== hb) {
    items.push(changed('heartbeat', 'hb-standby-path', `the respawned monitor scripts call ${hb} instead of ${ha}`, `where ${b.platform}'s heartbeat package puts hb_standby`));
  }
  return items;
}
