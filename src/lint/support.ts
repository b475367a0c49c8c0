import type { ClusterModel, GroupModel, NicModel, NodeModel, PrimitiveModel } from '../model/model.js';
import { allPrimitives } from '../model/normalize.js';

export function nodeNamed(model: ClusterModel, name: string): NodeModel | undefined {
  return model.nodes.find((n) => n.name === name);
}

export function nicNamed(node: NodeModel, name: string): NicModel | undefined {
  return node.nics.find((n) => n.name === name);
}

/** Nodes a resource may run on: every node except those a -INFINITY location bans it (or its group) from. */
export function nodesThatMayRun(model: ClusterModel, resource: PrimitiveModel | GroupModel): NodeModel[] {
  const names = new Set([resource.name]);
  if (resource.kind !== 'group' && resource.group) names.add(resource.group);
  const banned = new Set(
    model.constraints.flatMap((c) =>
      c.type === 'location' && c.score === '-INFINITY' && (c.role ?? 'started') === 'started' && names.has(c.rsc) ? [c.node] : [],
    ),
  );
  return model.nodes.filter((n) => !banned.has(n.name));
}

export interface ResourceId {
  name: string;
  /** the field that declares the name */
  path: string;
  what: 'group' | 'resource' | 'master';
}

/** Names constraints may refer to: groups, primitives and the master/slave wrappers of DRBD primitives. */
export function resourceIds(model: ClusterModel): ResourceId[] {
  const ids: ResourceId[] = [];
  for (const entry of model.resources) {
    if (entry.kind === 'group') ids.push({ name: entry.name, path: `${entry.path}.group`, what: 'group' });
    for (const p of entry.kind === 'group' ? entry.members : [entry]) {
      ids.push({ name: p.name, path: `${p.path}.name`, what: 'resource' });
      if (p.kind === 'drbd') ids.push({ name: p.master.name, path: `${p.path}.master.name`, what: 'master' });
    }
  }
  return ids;
}

export function primitivesOf<K extends PrimitiveModel['kind']>(model: ClusterModel, kind: K): Extract<PrimitiveModel, { kind: K }>[] {
  return allPrimitives(model).filter((p): p is Extract<PrimitiveModel, { kind: K }> => p.kind === kind);
}

/** Cluster properties come as YAML booleans or crm strings. */
export function isFalse(value: string | number | boolean | undefined): boolean {
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}

/** The runtimes whose nodes talk over heartbeat links (and read authkeys). */
export function usesHeartbeatMessaging(model: ClusterModel): boolean {
  return model.runtime === 'heartbeat' || model.runtime === 'agent' || (model.runtime === 'pacemaker' && model.pacemaker?.messaging === 'heartbeat');
}

export function usesCorosync(model: ClusterModel): boolean {
  return model.runtime === 'pacemaker' && model.pacemaker?.messaging === 'corosync';
}
