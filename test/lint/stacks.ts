import { tmpdir } from 'node:os';
import type { Code, Diagnostic } from '../../src/diagnostics/index.js';
import { lintModel, type LintContext } from '../../src/lint/index.js';
import { loadStackData } from '../../src/load/load-stack.js';
import type { ClusterInput } from '../../src/model/cluster.js';
import type { ClusterModel } from '../../src/model/model.js';

export type Resource = NonNullable<ClusterInput['resources']>[number];
export type Constraint = NonNullable<ClusterInput['constraints']>[number];

export const env = { HACTL_AUTHKEY: 'a-shared-heartbeat-key', HACTL_VRRP_PASS: 'vrrp1234' };

export async function modelOf(stack: ClusterInput): Promise<ClusterModel> {
  const loaded = await loadStackData('stack.yaml', stack);
  if (!loaded.model) {
    throw new Error(`test stack fails the schema: ${loaded.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; ')}`);
  }
  return loaded.model;
}

export async function lint(stack: ClusterInput, context: Partial<LintContext> = {}): Promise<Diagnostic[]> {
  return lintModel(await modelOf(stack), { env, baseDir: tmpdir(), others: [], ...context });
}

/** The paths of the findings with `code`, so a test reads `expect(pathsOf(stack, code)).toEqual([...])`. */
export async function pathsOf(stack: ClusterInput, code: Code, context: Partial<LintContext> = {}): Promise<(string | undefined)[]> {
  return (await lint(stack, context))
    .filter((d) => d.code === code)
    .map((d) => d.path);
}

export async function severityOf(stack: ClusterInput, code: Code, context: Partial<LintContext> = {}): Promise<string[]> {
  return (await lint(stack, context))
    .filter((d) => d.code === code)
    .map((d) => d.severity);
}

/** Seed 000 on heartbeat v1, with a second interconnect link and a real key so it lints clean. */
export function heartbeatStack(): ClusterInput {
  return {
    cluster: 'memcached',
    runtime: 'heartbeat',
    platform: 'centos6',
    nodes: {
      sv1: { nics: { eth0: '172.16.0.2/24', eth1: '192.168.0.2/24', eth2: '192.168.2.2/24' } },
      sv2: { nics: { eth0: '172.16.0.3/24', eth1: '192.168.0.3/24', eth2: '192.168.2.3/24' } },
    },
    heartbeat: {
      interconnect: [{ nic: 'eth1', mode: 'ucast', port: 694 }, { nic: 'eth2', mode: 'ucast', port: 694 }],
      keepalive: '2s',
      warntime: '10s',
      deadtime: '30s',
      initdead: '120s',
    },
    auth: { method: 'sha1', keyFrom: { env: 'HACTL_AUTHKEY' } },
    resources: [
      {
        group: 'memcached',
        preferred: 'sv1',
        members: [
          { vip: '172.16.0.1/24', nic: 'eth0' },
          { service: 'memcached', monitor: { kind: 'memcached', port: 11211, interval: '40s', onFail: 'standby' } },
        ],
      },
    ],
  };
}

/** Seed 001's web group on pacemaker over heartbeat, with two interconnect links. */
export function pacemakerStack(): ClusterInput {
  return {
    cluster: 'web',
    runtime: 'pacemaker',
    platform: 'centos6',
    nodes: {
      s1: { nics: { eth1: '192.168.1.121/24', eth2: '192.168.9.121/24', eth3: '192.168.10.121/24' } },
      s2: { nics: { eth1: '192.168.1.122/24', eth2: '192.168.9.122/24', eth3: '192.168.10.122/24' } },
    },
    pacemaker: { messaging: 'heartbeat' },
    heartbeat: {
      interconnect: [{ nic: 'eth2' }, { nic: 'eth3' }],
      keepalive: '2s',
      warntime: '7s',
      deadtime: '10s',
      initdead: '20s',
    },
    auth: { method: 'sha1', keyFrom: { env: 'HACTL_AUTHKEY' } },
    properties: { 'stonith-enabled': false, 'no-quorum-policy': 'ignore' },
    resources: [
      {
        group: 'web',
        members: [
          { vip: '192.168.1.101/24', name: 'vip_httpd', nic: 'eth1' },
          { apache: { configfile: '/etc/httpd/conf/httpd.conf', statusurl: 'http://192.168.1.101/', indexHtml: true }, name: 'httpd' },
        ],
      },
    ],
  };
}

/** Seed 003: DRBD drbd0 as master/slave with a Filesystem on it, constrained as the seed's cib.xml does. */
export function drbdStack(): ClusterInput {
  return {
    cluster: 'drbd',
    runtime: 'pacemaker',
    platform: 'centos6',
    nodes: {
      host_m: { nics: { eth0: '192.168.1.1/24', eth2: '192.168.0.1/24', eth3: '192.168.3.1/24' } },
      host_s: { nics: { eth0: '192.168.1.2/24', eth2: '192.168.0.2/24', eth3: '192.168.3.2/24' } },
    },
    pacemaker: { messaging: 'heartbeat', haCf: 'crm on' },
    heartbeat: { interconnect: [{ nic: 'eth2', mode: 'bcast' }, { nic: 'eth3', mode: 'bcast' }], keepalive: '3s', warntime: '10s', deadtime: '30s', initdead: '60s' },
    auth: { method: 'sha1', keyFrom: { env: 'HACTL_AUTHKEY' } },
    drbd: [
      {
        name: 'drbd0',
        protocol: 'C',
        port: 7789,
        nodes: {
          host_m: { device: '/dev/drbd0', disk: '/dev/hda2', address: '192.168.0.1' },
          host_s: { device: '/dev/drbd0', disk: '/dev/hda2', address: '192.168.0.2' },
        },
      },
    ],
    properties: { 'no-quorum-policy': 'ignore', 'stonith-enabled': false },
    resources: [
      { drbd: 'drbd0', name: 'drbd0', master: { name: 'ms-drbd0' } },
      { filesystem: { device: '/dev/drbd0', directory: '/drbd', fstype: 'ext3' }, name: 'fs0' },
    ],
    constraints: [
      { location: { rsc: 'ms-drbd0', node: 'host_m', score: 100, role: 'master' } },
      { order: { first: 'ms-drbd0', firstAction: 'promote', then: 'fs0', thenAction: 'start' } },
      { colocation: { rsc: 'fs0', with: 'ms-drbd0', withRole: 'master', score: 'INFINITY' } },
    ],
  };
}

/** Seed 002: keepalived MASTER 150 / BACKUP 100 on vrid 51 with notify scripts. */
export function keepalivedStack(): ClusterInput {
  return {
    cluster: 'vrrp',
    runtime: 'keepalived',
    platform: 'centos6',
    nodes: {
      lb1: { nics: { eth0: '192.168.1.11/24' } },
      lb2: { nics: { eth0: '192.168.1.12/24' } },
    },
    vrrp: [
      {
        name: 'VI_1',
        interface: 'eth0',
        vrid: 51,
        advertInt: '1s',
        auth: { type: 'PASS', passFrom: { env: 'HACTL_VRRP_PASS' } },
        nodes: { lb1: { state: 'MASTER', priority: 150 }, lb2: { state: 'BACKUP', priority: 100 } },
        vips: ['192.168.1.10'],
        notify: { master: '/etc/keepalived/hoge.sh', backup: '/etc/keepalived/hage.sh' },
      },
    ],
  };
}

/** Seed 004: corosync 1.x (udpu) + pacemaker running an LSB job. */
export function corosyncStack(): ClusterInput {
  return {
    cluster: 'job',
    runtime: 'pacemaker',
    platform: 'centos6',
    nodes: {
      m1: { nics: { eth0: '10.0.0.1/24', eth1: '10.0.1.1/24' } },
      m2: { nics: { eth0: '10.0.0.2/24', eth1: '10.0.1.2/24' } },
    },
    pacemaker: { messaging: 'corosync' },
    corosync: { version: 1, transport: 'udpu', interconnect: 'eth1' },
    properties: { 'no-quorum-policy': 'ignore', 'stonith-enabled': false },
    resources: [
      {
        lsb: 'hoge',
        start: { interval: '0s', timeout: '300s', onFail: 'restart' },
        monitor: { interval: '10s', timeout: '60s', onFail: 'restart' },
        stop: { interval: '0s', timeout: '300s', onFail: 'block' },
      },
    ],
  };
}

/** The quickstart shape: the bundled agent, two links, a VIP and a supervised command. */
export function agentStack(): ClusterInput {
  return {
    cluster: 'quick',
    runtime: 'agent',
    platform: 'debian12',
    nodes: {
      qs1: { nics: { eth0: '10.201.0.11/24', eth1: '10.201.1.11/24' } },
      qs2: { nics: { eth0: '10.201.0.12/24', eth1: '10.201.1.12/24' } },
    },
    heartbeat: { interconnect: [{ nic: 'eth1' }, { nic: 'eth0' }], keepalive: '100ms', warntime: '300ms', deadtime: '500ms', initdead: '2s' },
    auth: { method: 'sha256', keyFrom: { env: 'HACTL_AUTHKEY' } },
    resources: [
      {
        group: 'web',
        preferred: 'qs1',
        members: [
          { vip: '10.201.0.100/24', nic: 'eth0' },
          { exec: { run: 'node server.js' }, name: 'hello', monitor: { kind: 'http', url: 'http://127.0.0.1:8080/' } },
        ],
      },
    ],
  };
}
