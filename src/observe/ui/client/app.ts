import { byId, clock, el } from './dom.js';
import { groupsPanel, linksPanel, nodesPanel, testsPanel, timelineItems } from './panels.js';
import type { UiState } from './state.js';
import { paintTopology } from './topology.js';

let notice: { text: string; ok: boolean } | undefined;
let latest: UiState | undefined;

function report(text: string, ok: boolean): void {
  notice = { text, ok };
  if (latest) render(latest);
}

/** Redraws every live part from one state; the topology picture is kept and only repainted. */
function render(s: UiState): void {
  latest = s;
  document.body.dataset.at = String(s.at);
  byId('updated').textContent = s.at ? `status at ${clock(s.at)}` : '';
  const warnings = [...(s.error ? [`status not readable: ${s.error}`] : []), ...(s.status?.warnings ?? []), ...(notice ? [notice.text] : [])];
  const banner = byId('warnings');
  banner.hidden = warnings.length === 0;
  banner.replaceChildren(...warnings.map((w) => el('p', { class: notice?.text === w ? (notice.ok ? 'notice ok' : 'notice failed') : 'warning' }, w)));
  paintTopology(byId('topology'), s.status);
  byId('groups').replaceChildren(groupsPanel(s, report));
  byId('nodes').replaceChildren(nodesPanel(s, report));
  byId('links').replaceChildren(linksPanel(s));
  byId('tests').replaceChildren(testsPanel(s));
  byId('timeline').replaceChildren(...timelineItems(s));
}

function connect(): void {
  const connection = byId('connection');
  const events = new EventSource('/events');
  events.addEventListener('open', () => {
    connection.dataset.state = 'live';
    connection.textContent = 'live';
  });
  events.addEventListener('error', () => {
    connection.dataset.state = 'reconnecting';
    connection.textContent = 'reconnecting…';
  });
  events.addEventListener('state', (e) => render(JSON.parse((e as MessageEvent<string>).data) as UiState));
}

connect();
