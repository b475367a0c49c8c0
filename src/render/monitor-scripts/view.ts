import { HactlError, error } from '../../diagnostics/index.js';
import type { ClusterModel, PrimitiveModel } from '../../model/model.js';
import type { PlatformProfile } from '../../platform/profiles.js';
import { shellQuote } from '../escape/shell.js';
import { heartbeatPaths } from '../heartbeat/paths.js';
import type { MonitoredPrimitive } from './select.js';

export interface MonitorScriptView {
  path: string;
  name: string;
  cluster: string;
  /** shell-quoted; the VIP whose presence means "this node is active", empty: ask heartbeat (cl_status rscstatus) */
  vip: string;
  host: string;
  port: number;
  urlPath: string;
  pidfile: string;
  process: string;
  interval: string;
  idleInterval: string;
  timeout: string;
  hbStandby: string;
  memcached: boolean;
  http: boolean;
  tcp: boolean;
  processOnly: boolean;
}

const seconds = (ms: number) => String(Math.max(ms, 100) / 1000);

function groupVip(model: ClusterModel, p: PrimitiveModel): string {
  const group = model.resources.find((r) => r.kind === 'group' && r.name === p.group);
  const members = group?.kind === 'group' ? group.members : [p];
  const vip = members.find((m) => m.kind === 'vip');
  return vip?.kind === 'vip' ? vip.ip : '';
}

function serviceName(p: PrimitiveModel): string {
  if (p.kind === 'service') return p.service;
  if (p.kind === 'lsb') return p.script;
  if (p.kind === 'systemd') return p.unit.replace(/\.service$/, '');
  return p.name;
}

function target(m: MonitoredPrimitive, vip: string): { host: string; port: number; urlPath: string } {
  const host = vip || '127.0.0.1';
  if (m.monitor.check === 'http') {
    const url = new URL(m.monitor.url ?? `http://${host}:${m.monitor.port ?? 80}/`);
    return { host: url.hostname, port: Number(url.port || 80), urlPath: `${url.pathname}${url.search}` };
  }
  const port = m.monitor.port ?? (m.monitor.check === 'memcached' ? 11211 : undefined);
  if (port === undefined && m.monitor.check === 'tcp') {
    throw HactlError.from(error('schema-required', `${m.primitive.path}.monitor.port`, `a tcp monitor needs a port`));
  }
  return { host, port: port ?? 0, urlPath: '/' };
}

/** The classic respawned check loop (probe, then hb_standby on failure), with bash /dev/tcp instead of telnet and every wait bounded. */
export function monitorScriptView(model: ClusterModel, m: MonitoredPrimitive, profile: PlatformProfile): MonitorScriptView {
  const vip = groupVip(model, m.primitive);
  const deadtimeMs = model.heartbeat?.deadtimeMs ?? 30_000;
  const { host, port, urlPath } = target(m, vip);
  return {
    path: m.path,
    name: m.primitive.name,
    cluster: model.cluster,
    vip: shellQuote(vip),
    host: shellQuote(host, `${m.primitive.path}.monitor.url`),
    port,
    urlPath: shellQuote(urlPath, `${m.primitive.path}.monitor.url`),
    pidfile: shellQuote(m.monitor.pidfile ?? '', `${m.primitive.path}.monitor.pidfile`),
    process: shellQuote(serviceName(m.primitive)),
    interval: seconds(m.monitor.intervalMs),
    // a takeover cannot happen sooner than deadtime, so an idle node looks again after that long
    idleInterval: seconds(deadtimeMs),
    timeout: seconds(m.monitor.timeoutMs ?? 5000),
    hbStandby: shellQuote(heartbeatPaths(profile).hbStandby),
    memcached: m.monitor.check === 'memcached',
    http: m.monitor.check === 'http',
    tcp: m.monitor.check === 'tcp',
    processOnly: m.monitor.check === 'process',
  };
}
