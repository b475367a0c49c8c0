import { actionButton } from './actions.js';
import { clock, el, table } from './dom.js';
import type { UiState } from './state.js';

type Report = (text: string, ok: boolean) => void;

export function groupsPanel(s: UiState, report: Report): HTMLElement {
  const groups = s.status?.groups ?? [];
  if (!groups.length) return el('p', { class: 'empty' }, s.status ? 'no groups' : 'no status yet');
  return el('div', {}, ...groups.map((g) => {
    const where = g.runningOn.length ? g.runningOn.join(', ') : g.disabled ? 'stopped (disabled)' : 'nowhere';
    const actions = s.allowActions
      ? [...s.nodes.filter((n) => !g.runningOn.includes(n)).map((n) => actionButton(`move to ${n}`, 'move', { group: g.name, node: n }, report)),
        actionButton('unmove', 'unmove', { group: g.name }, report), actionButton('cleanup', 'cleanup', { resource: g.name }, report)]
      : [];
    return el('div', { class: `group${g.runningOn.length > 1 ? ' split' : ''}`, 'data-group': g.name },
      el('h3', {}, g.name, ' ', el('span', { class: 'kind' }, g.kind), ' ', el('span', { class: 'where', 'data-where': g.runningOn.join(',') }, where),
        g.moving ? el('span', { class: 'moving' }, ` (${g.moving})`) : null),
      table(['resource', 'agent', 'state', 'node'], g.resources.map((r) => [r.name, r.agent, el('span', { class: `role ${r.role}` }, r.role), r.node ?? ''])),
      actions.length ? el('div', { class: 'actions' }, ...actions) : null);
  }));
}

export function nodesPanel(s: UiState, report: Report): HTMLElement {
  return table(['node', 'state', 'seen by', ...(s.allowActions ? [''] : [])], (s.status?.nodes ?? []).map((n) => [
    n.name, el('span', { class: `state ${n.state}`, 'data-node-state': n.name }, n.state + (n.detail ? ` (${n.detail})` : '')), n.seenBy.join(', '),
    ...(s.allowActions ? [n.state === 'standby' ? actionButton('online', 'online', { node: n.name }, report) : actionButton('standby', 'standby', { node: n.name }, report)] : []),
  ]));
}

export function linksPanel(s: UiState): HTMLElement {
  const links = s.status?.links ?? [];
  if (!links.length) return el('p', { class: 'empty' }, `${s.runtime} reports no heartbeat links`);
  return table(['from', 'to', 'link', 'status'], links.map((l) => [l.node, l.peer, l.link, el('span', { class: `link ${l.status}` }, l.status)]));
}

export function testsPanel(s: UiState): HTMLElement {
  const tests = s.timeline.filter((e) => e.kind === 'test-failover').reverse();
  if (!tests.length) return el('p', { class: 'empty' }, 'no failover test yet (hactl test failover STACK)');
  return table(['when', 'result', 'ms'], tests.slice(0, 20).map((e) => [clock(e.at), e.text, el('strong', { class: 'ms' }, String(Math.round(e.ms ?? 0)))]));
}

export function timelineItems(s: UiState): HTMLElement[] {
  // the text already says the duration; data-ms keeps the number for readers of the page that are programs
  return [...s.timeline].reverse().map((e) => el('li', { class: `event ${e.kind}${e.ok === false ? ' failed' : ''}`, 'data-kind': e.kind, ...(e.ms !== undefined ? { 'data-ms': String(Math.round(e.ms)) } : {}) },
    el('time', {}, clock(e.at)), ' ', el('span', { class: 'badge' }, e.kind), ' ', el('span', { class: 'text' }, e.text),
    e.cause ? el('span', { class: 'cause' }, ` — because ${e.cause}`) : null));
}
