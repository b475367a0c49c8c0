// What a TypeScript stack imports from 'hactl': defineCluster, one builder per part of a stack, and the model's types.
// It loads in milliseconds: nothing here pulls in the renderers or checkers (those are in 'hactl/lib').
export { defineCluster } from './define.js';
export type { ResourceName, VipName, UnitName, OcfName, MountName } from './names.js';
export { node, nic } from './nodes.js';
export { ucast, bcast, mcast } from './heartbeat.js';
export { vip, service, lsb, systemd, ocf, primitive, resource, apache, tomcat, exec, drbd, filesystem, group, type Ops, type DrbdOps, type ResourceOptions } from './resources.js';
export { location, colocation, order } from './constraints.js';
export { vrrp, drbdResource } from './vrrp.js';
export { accept, drop, reject, user, file } from './system.js';
export type * from './types.js';
