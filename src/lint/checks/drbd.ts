import { error, type Diagnostic } from '../../diagnostics/index.js';
import type { ClusterModel, ConstraintModel, DrbdModel, GroupModel, PrimitiveModel } from '../../model/model.js';
import type { Check } from '../check.js';
import { nodeNamed, primitivesOf, usesCorosync } from '../support.js';

/** The cluster manager addresses a DRBD resource by one device name, so every host must use the same. */
export const checkDrbdDevices: Check = (model) =>
  model.drbd.flatMap((d) => {
    const first = d.hosts[0];
    return d.hosts
      .filter((h) => first && h.device !== first.device)
      .map((h) => error('drbd-device-mismatch', `${h.path}.device`, `${d.name} uses ${h.device} on ${h.node} but ${first!.device} on ${first!.node}`));
  });

/** Replication belongs on the interconnect: on the service NIC it competes with clients and dies with that link. */
export const checkDrbdAddresses: Check = (model) => {
  const out: Diagnostic[] = [];
  for (const d of model.drbd) {
    for (const h of d.hosts) {
      const node = nodeNamed(model, h.node);
      if (!node) continue;
      if (!h.address) {
        out.push(error('drbd-address-not-interconnect', h.path, `${h.node} has no interconnect NIC for DRBD ${d.name}: set address`));
        continue;
      }
      const nic = node.nics.find((n) => n.address === h.address);
      if (!nic) out.push(error('drbd-address-not-interconnect', `${h.path}.address`, `${h.address} is not an address of ${h.node}`));
      else if (nic.role === 'service') {
        out.push(error('drbd-address-not-interconnect', `${h.path}.address`, `${h.address} is on ${h.node}'s service NIC ${nic.name}, not on the interconnect`));
      }
    }
  }
  return out;
};

/** Each DRBD resource listens on its own TCP port; it must not collide with another resource or the cluster's own ports. */
export const checkDrbdPorts: Check = (model) => {
  const out: Diagnostic[] = [];
  const taken = new Map<number, string>();
  for (const link of model.heartbeat?.links ?? []) taken.set(link.port, `the heartbeat interconnect (${link.path})`);
  if (model.corosync && usesCorosync(model)) {
    taken.set(model.corosync.mcastport, 'corosync mcastport');
    taken.set(model.corosync.mcastport - 1, 'corosync (mcastport - 1)');
  }
  for (const d of model.drbd) {
    const owner = taken.get(d.port);
    if (owner) out.push(error('drbd-port-clash', `${d.path}.port`, `DRBD ${d.name} port ${d.port} is already used by ${owner}`));
    else taken.set(d.port, `DRBD ${d.name}`);
  }
  return out;
};

export const checkDrbdProtocol: Check = (model) =>
  model.drbd
    .filter((d) => !['A', 'B', 'C'].includes(d.protocol))
    .map((d) => error('drbd-protocol', `${d.path}.protocol`, `DRBD protocol '${d.protocol}' is not A, B or C`));

export const checkDrbdPrimitives: Check = (model) => {
  const out: Diagnostic[] = [];
  const declared = new Set(model.drbd.map((d) => d.name));
  for (const p of primitivesOf(model, 'drbd')) {
    if (!declared.has(p.resource)) out.push(error('drbd-unknown-resource', `${p.path}.drbd`, `DRBD resource '${p.resource}' is not declared under drbd:`));
    if (p.group && model.runtime === 'pacemaker') {
      out.push(error('drbd-in-group', `${p.path}.drbd`, `'${p.name}' runs as a master/slave clone, which pacemaker cannot put in group '${p.group}'`));
    }
  }
  return out;
};

function drbdOfDevice(model: ClusterModel, device: string): DrbdModel | undefined {
  return model.drbd.find((d) => d.hosts.some((h) => h.device === device));
}

type DrbdPrimitive = Extract<PrimitiveModel, { kind: 'drbd' }>;

/** A constraint may name the primitive itself or the group it belongs to. */
const namesOf = (p: PrimitiveModel) => new Set([p.name, ...(p.group ? [p.group] : [])]);

/** Pacemaker: colocated with the master role at INFINITY, and started after promote. */
function missingForPacemaker(constraints: ConstraintModel[], fs: PrimitiveModel, drbd: DrbdPrimitive): string[] {
  const fsNames = namesOf(fs);
  const ms = drbd.master.name;
  const colocated = constraints.some((c) => c.type === 'colocation' && fsNames.has(c.rsc) && c.with === ms && c.withRole === 'master' && c.score === 'INFINITY');
  const ordered = constraints.some(
    (c) => c.type === 'order' && c.first === ms && c.firstAction === 'promote' && fsNames.has(c.then) && c.thenAction === 'start' && c.kind === 'Mandatory',
  );
  const target = fs.group ?? fs.name;
  return [
    ...(colocated ? [] : [`colocation { rsc: ${target}, with: ${ms}, withRole: master }`]),
    ...(ordered ? [] : [`order { first: ${ms}, firstAction: promote, then: ${target} }`]),
  ];
}

/** The agent promotes DRBD when it starts it: DRBD earlier in the same group, or colocation plus order, will do. */
function missingForAgent(model: ClusterModel, fs: PrimitiveModel, drbd: DrbdPrimitive): string[] {
  const group = model.resources.find((r): r is GroupModel => r.kind === 'group' && r.name === fs.group);
  const drbdAt = group ? group.members.indexOf(drbd) : -1;
  if (group && drbdAt !== -1 && drbdAt < group.members.indexOf(fs)) return [];
  const fsNames = namesOf(fs);
  const drbdNames = new Set([...namesOf(drbd), drbd.master.name]);
  const colocated = model.constraints.some((c) => c.type === 'colocation' && fsNames.has(c.rsc) && drbdNames.has(c.with) && c.score === 'INFINITY');
  const ordered = model.constraints.some((c) => c.type === 'order' && drbdNames.has(c.first) && fsNames.has(c.then) && c.kind === 'Mandatory');
  return [
    ...(colocated ? [] : [`colocation { rsc: ${fs.group ?? fs.name}, with: ${drbd.group ?? drbd.name} }`]),
    ...(ordered ? [] : [`order { first: ${drbd.group ?? drbd.name}, then: ${fs.group ?? fs.name} }`]),
  ];
}

/**
 * A Filesystem on /dev/drbdN may only be mounted where DRBD is Primary, after promotion; without the
 * colocation and order the cluster mounts it on the Secondary (which fails) or before promote.
 */
export const checkDrbdFilesystems: Check = (model) => {
  if (model.runtime !== 'pacemaker' && model.runtime !== 'agent') return [];
  const out: Diagnostic[] = [];
  for (const fs of primitivesOf(model, 'filesystem')) {
    const path = `${fs.path}.filesystem.device`;
    const drbd = drbdOfDevice(model, fs.device);
    if (!drbd) {
      if (fs.device.startsWith('/dev/drbd')) out.push(error('drbd-unknown-resource', path, `no DRBD resource under drbd: uses device ${fs.device}`));
      continue;
    }
    const primitive = primitivesOf(model, 'drbd').find((p) => p.resource === drbd.name);
    if (!primitive) {
      out.push(error('drbd-fs-constraints', path, `${fs.device} belongs to DRBD ${drbd.name}, but no drbd: resource runs it in the cluster`, `add a resource { drbd: ${drbd.name} } and constrain '${fs.name}' to its master`));
      continue;
    }
    const missing = model.runtime === 'agent' ? missingForAgent(model, fs, primitive) : missingForPacemaker(model.constraints, fs, primitive);
    if (missing.length) out.push(error('drbd-fs-constraints', path, `'${fs.name}' mounts DRBD ${drbd.name} but the stack lacks ${missing.join(' and ')}`, `add to constraints: ${missing.join('; ')}`));
  }
  return out;
};
