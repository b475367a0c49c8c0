import { error, type Diagnostic } from '../../diagnostics/index.js';
import { allPrimitives } from '../../model/normalize.js';
import type { Check } from '../check.js';
import { nicNamed, nodeNamed, nodesThatMayRun, resourceIds, usesCorosync } from '../support.js';

function duplicates<T>(items: readonly T[], key: (item: T) => string): { item: T; first: T }[] {
  const seen = new Map<string, T>();
  const out: { item: T; first: T }[] = [];
  for (const item of items) {
    const first = seen.get(key(item));
    if (first) out.push({ item, first });
    else seen.set(key(item), item);
  }
  return out;
}

/**
 * Pacemaker puts groups, primitives, master/slave wrappers and constraints in one id namespace; the other
 * runtimes keep groups apart from resources (a group 'memcached' may run the service 'memcached').
 * DRBD resources, VRRP instances, users and files each have their own namespace.
 */
export const checkUniqueNames: Check = (model) => {
  const resources = resourceIds(model);
  const constraintIds = model.constraints.map((c) => ({ name: c.id, path: `${c.path}.id`, what: `${c.type} constraint` }));
  const idSpaces: { name: string; path: string; what: string }[][] =
    model.runtime === 'pacemaker'
      ? [[...resources, ...constraintIds]]
      : [resources.filter((r) => r.what === 'group'), resources.filter((r) => r.what !== 'group'), constraintIds];
  const out = idSpaces.flatMap((ids) =>
    duplicates(ids, (i) => i.name).map(({ item, first }) =>
      error('duplicate-name', item.path, `${item.what} name '${item.name}' is already used by a ${first.what} at ${first.path}`),
    ),
  );
  const namespaces: [string, { name: string; path: string }[]][] = [
    ['DRBD resource', model.drbd.map((d) => ({ name: d.name, path: `${d.path}.name` }))],
    ['VRRP instance', model.vrrp.map((v) => ({ name: v.name, path: `${v.path}.name` }))],
    ['user', model.users.map((u) => ({ name: u.name, path: `${u.path}.name` }))],
    ['file', model.files.map((f) => ({ name: f.target, path: `${f.path}.path` }))],
  ];
  for (const [what, items] of namespaces) {
    for (const { item, first } of duplicates(items, (i) => i.name)) {
      out.push(error('duplicate-name', item.path, `${what} '${item.name}' is already declared at ${first.path}`));
    }
  }
  return out;
};

/** Every name a stack mentions must be declared in it. */
export const checkReferences: Check = (model) => {
  const out: Diagnostic[] = [];
  const node = (name: string | undefined, path: string, what: string) => {
    if (name !== undefined && !nodeNamed(model, name)) out.push(error('unknown-reference', path, `${what} '${name}' is not a node of this cluster`));
  };
  const ids = new Set(resourceIds(model).map((i) => i.name));
  const resource = (name: string, path: string) => {
    if (!ids.has(name)) out.push(error('unknown-reference', path, `'${name}' is not a group, resource or DRBD master of this stack`));
  };

  for (const entry of model.resources) if (entry.kind === 'group') node(entry.preferred, `${entry.path}.preferred`, 'preferred node');
  for (const p of allPrimitives(model)) if (p.kind === 'drbd') node(p.master.preferred, `${p.path}.master.preferred`, 'preferred node');
  for (const c of model.constraints) {
    if (c.type === 'location') {
      resource(c.rsc, `${c.path}.location.rsc`);
      node(c.node, `${c.path}.location.node`, 'location node');
    } else if (c.type === 'colocation') {
      resource(c.rsc, `${c.path}.colocation.rsc`);
      resource(c.with, `${c.path}.colocation.with`);
    } else {
      resource(c.first, `${c.path}.order.first`);
      resource(c.then, `${c.path}.order.then`);
    }
  }
  for (const v of model.vrrp) for (const n of v.nodes) node(n.node, n.path, 'VRRP node');
  for (const d of model.drbd) for (const h of d.hosts) node(h.node, h.path, 'DRBD host');
  model.files.forEach((f) => f.nodes?.forEach((n, i) => node(n, `${f.path}.nodes[${i}]`, 'file node')));
  return out;
};

/** A NIC named for a VIP, an interconnect link or a VRRP instance must exist on every node that uses it. */
export const checkNicReferences: Check = (model) => {
  const out: Diagnostic[] = [];
  const missingOn = (nic: string, nodes: readonly string[], path: string, what: string) => {
    const lacking = nodes.filter((name) => {
      const n = nodeNamed(model, name);
      return n !== undefined && !nicNamed(n, nic);
    });
    if (lacking.length) out.push(error('unknown-nic', path, `${what} NIC '${nic}' is not defined on ${lacking.join(', ')}`));
  };
  const all = model.nodes.map((n) => n.name);
  for (const p of allPrimitives(model)) {
    if (p.kind === 'vip' && p.nic) missingOn(p.nic, nodesThatMayRun(model, p).map((n) => n.name), `${p.path}.nic`, `VIP ${p.ip}`);
  }
  for (const link of model.heartbeat?.links ?? []) missingOn(link.nic, all, `${link.path}.nic`, 'interconnect');
  if (model.corosync && usesCorosync(model)) missingOn(model.corosync.interconnect, all, `${model.corosync.path}.interconnect`, 'corosync interconnect');
  for (const v of model.vrrp) {
    const shared = v.nodes.filter((n) => n.interface === v.interface).map((n) => n.node);
    missingOn(v.interface, shared, `${v.path}.interface`, `VRRP instance '${v.name}'`);
    for (const n of v.nodes) {
      if (n.interface !== v.interface) missingOn(n.interface, [n.node], `${n.path}.interface`, `VRRP instance '${v.name}'`);
    }
  }
  return out;
};
