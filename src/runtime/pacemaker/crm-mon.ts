import { XMLParser } from 'fast-xml-parser';
import type { FailCount, FailedAction, GroupState, NodeCondition, NodeState, NodeView, ResourceRole, ResourceState } from '../status.js';

type Tree = Record<string, unknown>;

// Every element may repeat (one resource or many), so everything is read as a list.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (_name, _path, _leaf, isAttribute) => !isAttribute, parseAttributeValue: false });

const list = (tree: unknown, key: string): Tree[] => ((tree as Tree | undefined)?.[key] as Tree[] | undefined) ?? [];
const attr = (node: Tree, key: string): string | undefined => node[key] as string | undefined;
const yes = (node: Tree, key: string): boolean => attr(node, key) === 'true';

function nodeCondition(n: Tree): { state: NodeCondition; detail?: string } {
  if (yes(n, 'unclean')) return { state: 'unclean' };
  if (!yes(n, 'online')) return { state: 'offline', ...(yes(n, 'pending') ? { detail: 'pending' } : {}) };
  if (yes(n, 'standby_onfail')) return { state: 'standby', detail: 'standby (on-fail)' };
  if (yes(n, 'standby')) return { state: 'standby' };
  if (yes(n, 'maintenance')) return { state: 'online', detail: 'maintenance' };
  return { state: 'online' };
}

// Pacemaker 2.1 says Promoted/Unpromoted; older releases said Master/Slave.
const ROLES: Record<string, ResourceRole> = {
  started: 'started', stopped: 'stopped', promoted: 'promoted', master: 'promoted', unpromoted: 'unpromoted', slave: 'unpromoted',
  starting: 'starting', stopping: 'stopping',
};

function resourceStates(r: Tree): ResourceState[] {
  const role = ROLES[(attr(r, 'role') ?? '').toLowerCase()] ?? 'unknown';
  const base = {
    name: attr(r, 'id') ?? '?',
    agent: attr(r, 'resource_agent') ?? '?',
    managed: attr(r, 'managed') !== 'false',
    disabled: attr(r, 'target_role')?.toLowerCase() === 'stopped',
    failed: yes(r, 'failed'),
  };
  const nodes = list(r, 'node').map((n) => attr(n, 'name')).filter((n): n is string => n !== undefined);
  if (nodes.length === 0) return [{ ...base, role: base.failed ? 'failed' : role }];
  return nodes.map((node) => ({ ...base, role: base.failed ? 'failed' : role, node }));
}

const isActive = (r: ResourceState): boolean => r.node !== undefined && ['started', 'promoted', 'unpromoted', 'starting'].includes(r.role);

function groupState(g: Tree): GroupState {
  const resources = list(g, 'resource').flatMap(resourceStates);
  const members = [...new Set(resources.map((r) => r.name))];
  // a group runs where every member runs
  const candidates = [...new Set(resources.filter(isActive).map((r) => r.node!))];
  const runningOn = candidates.filter((node) => members.every((m) => resources.some((r) => r.name === m && r.node === node && isActive(r))));
  return { name: attr(g, 'id') ?? '?', kind: 'group', runningOn, disabled: yes(g, 'disabled'), resources };
}

function cloneState(c: Tree): GroupState {
  const children = [...list(c, 'resource'), ...list(c, 'group').flatMap((g) => list(g, 'resource'))];
  const resources = children.flatMap(resourceStates);
  const promotable = yes(c, 'multi_state');
  const runningOn = [...new Set(resources.filter(isActive).map((r) => r.node!))];
  const promotedOn = [...new Set(resources.filter((r) => r.role === 'promoted' && r.node).map((r) => r.node!))];
  return {
    name: attr(c, 'id') ?? '?',
    kind: promotable ? 'promotable' : 'clone',
    runningOn,
    ...(promotable ? { promotedOn } : {}),
    disabled: yes(c, 'disabled'),
    resources,
  };
}

function primitiveState(r: Tree): GroupState {
  const resources = resourceStates(r);
  return {
    name: attr(r, 'id') ?? '?',
    kind: 'primitive',
    runningOn: [...new Set(resources.filter(isActive).map((x) => x.node!))],
    disabled: resources.some((x) => x.disabled),
    resources,
  };
}

function failCounts(root: Tree): FailCount[] {
  return list(list(root, 'node_history')[0], 'node').flatMap((n) =>
    list(n, 'resource_history')
      .filter((h) => attr(h, 'fail-count') !== undefined)
      .map((h) => {
        const raw = attr(h, 'fail-count')!;
        const count: FailCount['count'] = raw === 'INFINITY' || Number(raw) >= 1_000_000 ? 'INFINITY' : Number(raw);
        return { resource: attr(h, 'id') ?? '?', node: attr(n, 'name') ?? '?', count };
      }),
  );
}

function failedActions(root: Tree): FailedAction[] {
  return list(list(root, 'failures')[0], 'failure').map((f) => {
    const key = attr(f, 'op_key') ?? '';
    const task = attr(f, 'task') ?? key.split('_').at(-2) ?? '?';
    const resource = key.slice(0, key.length - `_${task}_${attr(f, 'interval') ?? '0'}`.length) || key;
    const reason = [attr(f, 'exitstatus'), attr(f, 'exitreason')].filter(Boolean).join(': ');
    return { resource, operation: task, node: attr(f, 'node') ?? '?', reason, ...(attr(f, 'last-rc-change') ? { at: attr(f, 'last-rc-change') } : {}) };
  });
}

/** `crm_mon --output-as=xml --inactive` of one node → that node's view (Pacemaker's own machine interface, not screen text). */
export function parseCrmMon(xml: string, reporter: string, cluster: string): NodeView {
  const doc = parser.parse(xml) as Tree;
  const root = list(doc, 'pacemaker-result')[0];
  if (!root) throw new Error('not crm_mon XML: no <pacemaker-result>');
  const summary = list(root, 'summary')[0] ?? {};
  const dc = list(summary, 'current_dc')[0];
  const nodes: NodeState[] = list(list(root, 'nodes')[0], 'node').map((n) => ({ name: attr(n, 'name') ?? '?', ...nodeCondition(n), seenBy: [reporter] }));
  const resourcesRoot = list(root, 'resources')[0] ?? {};
  const groups = [
    ...list(resourcesRoot, 'resource').map(primitiveState),
    ...list(resourcesRoot, 'group').map(groupState),
    ...list(resourcesRoot, 'clone').map(cloneState),
  ];
  const dcPresent = dc !== undefined && yes(dc, 'present');
  return {
    cluster,
    runtime: 'pacemaker',
    reporter,
    nodes,
    links: [],
    groups,
    failedActions: failedActions(root),
    failCounts: failCounts(root),
    ...(dc ? { quorum: { quorate: yes(dc, 'with_quorum'), ...(dcPresent ? {} : { detail: 'no DC elected' }) } } : {}),
    ...(dcPresent && attr(dc, 'name') ? { dc: [attr(dc, 'name')!] } : {}),
  };
}
