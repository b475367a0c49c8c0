import { splitAddress } from './address.js';
import type { ConfigIssue } from './read.js';
import type { AgentConfig } from './types.js';

// Rules across the document that no field's schema can state: names that must exist, be unique or not loop.

function duplicates(names: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(names.filter((n) => (seen.has(n) ? true : (seen.add(n), false))))];
}

/** Duplicate names, an address (or an iface) for every node on every link, known nodes and groups, no cycles. */
export function checkReferences(c: AgentConfig, issues: ConfigIssue[]): void {
  const add = (path: string, message: string): void => void issues.push({ path, message });
  const nodeNames = c.nodes.map((n) => n.name);
  const linkNames = c.links.map((l) => l.name);
  const groupNames = c.groups.map((g) => g.name);
  for (const d of duplicates(nodeNames)) add('nodes', `node "${d}" is listed twice`);
  for (const d of duplicates(linkNames)) add('links', `link "${d}" is listed twice`);
  for (const d of duplicates(groupNames)) add('groups', `group "${d}" is listed twice`);
  const ids = c.groups.flatMap((g) => g.members.map((m) => m.id));
  for (const d of duplicates([...ids, ...groupNames])) add('groups', `resource/group id "${d}" is used twice`);
  c.nodes.forEach((n, i) => {
    for (const [link, addr] of Object.entries(n.addresses)) {
      if (!linkNames.includes(link)) add(`nodes[${i}].addresses.${link}`, `no link named "${link}" (links: ${linkNames.join(', ')})`);
      if (splitAddress(addr) === undefined) add(`nodes[${i}].addresses.${link}`, `must be "ip" or "ip/prefix", got "${addr}"`);
    }
  });
  c.links.forEach((l, i) => {
    const missing = c.nodes.filter((n) => n.addresses[l.name] === undefined).map((n) => n.name);
    if (missing.length > 0 && l.iface === undefined) {
      add(`links[${i}]`, `nodes ${missing.join(', ')} have no address on "${l.name}": add nodes[].addresses.${l.name} or links[${i}].iface`);
    }
    if (l.mode === 'ucast' && missing.length > 0 && l.peers.length === 0) {
      add(`links[${i}].peers`, `ucast needs every node's address on "${l.name}" or an explicit peers list (missing: ${missing.join(', ')})`);
    }
  });
  const ports = new Map<string, number>();
  c.links.forEach((l, i) => {
    const key = `${l.mode === 'ucast' ? 'u' : 'm'}:${l.port}:${l.iface ?? ''}:${l.group ?? ''}`;
    if (ports.has(key)) add(`links[${i}]`, `same mode/port/iface as links[${ports.get(key)}]`);
    ports.set(key, i);
  });
  if (c.quorum.expectedVotes < c.nodes.length) add('quorum.expectedVotes', `must be at least the node count (${c.nodes.length})`);
  const groupSet = new Set(groupNames);
  c.groups.forEach((g, i) => {
    if (g.preferred !== undefined && !nodeNames.includes(g.preferred)) add(`groups[${i}].preferred`, `no node named "${g.preferred}"`);
    for (const n of Object.keys(g.location)) if (!nodeNames.includes(n)) add(`groups[${i}].location.${n}`, `no node named "${n}"`);
  });
  c.colocations.forEach((x, i) => {
    if (!groupSet.has(x.group)) add(`colocations[${i}].group`, `no group named "${x.group}"`);
    if (!groupSet.has(x.with)) add(`colocations[${i}].with`, `no group named "${x.with}"`);
    if (x.group === x.with) add(`colocations[${i}]`, 'a group cannot be colocated with itself');
  });
  c.orders.forEach((x, i) => {
    if (!groupSet.has(x.first)) add(`orders[${i}].first`, `no group named "${x.first}"`);
    if (!groupSet.has(x.then)) add(`orders[${i}].then`, `no group named "${x.then}"`);
    if (x.first === x.then) add(`orders[${i}]`, 'a group cannot be ordered after itself');
  });
  const cycle = findCycle(c.colocations.map((x) => [x.group, x.with] as const));
  if (cycle) add('colocations', `colocation cycle: ${cycle.join(' -> ')}`);
  const orderCycle = findCycle(c.orders.map((x) => [x.then, x.first] as const));
  if (orderCycle) add('orders', `order cycle: ${orderCycle.join(' -> ')}`);
}

function findCycle(edges: ReadonlyArray<readonly [string, string]>): string[] | undefined {
  const out = new Map<string, string[]>();
  for (const [a, b] of edges) out.set(a, [...(out.get(a) ?? []), b]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of out.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of out.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}
