import type { AgentResource, ResourceClass } from '../config/index.js';
import { httpDriver, memcachedDriver, tcpDriver } from './probes.js';
import type { DriverEnv, ResourceDriver } from './driver.js';
import { drbdDriver } from './drbd.js';
import { execDriver } from './exec.js';
import { filesystemDriver } from './filesystem.js';
import { heartbeatDriver } from './heartbeat.js';
import { ipaddr2Driver } from './ipaddr2.js';
import { lsbDriver } from './lsb.js';
import { ocfDriver } from './ocf.js';
import { systemdDriver } from './systemd.js';

type Factory<C extends ResourceClass> = (res: Extract<AgentResource, { class: C }>, env: DriverEnv) => ResourceDriver;

/** Adding a resource class is one file plus one line here. */
const registry: { [C in ResourceClass]: Factory<C> } = {
  ipaddr2: ipaddr2Driver,
  lsb: lsbDriver,
  heartbeat: heartbeatDriver,
  ocf: ocfDriver,
  systemd: systemdDriver,
  exec: execDriver,
  memcached: memcachedDriver,
  http: httpDriver,
  tcp: tcpDriver,
  drbd: drbdDriver,
  filesystem: filesystemDriver,
};

export function createDriver(res: AgentResource, env: DriverEnv): ResourceDriver {
  return (registry[res.class] as Factory<typeof res.class>)(res as never, env);
}
