import { xmlEscape } from '../../render/escape/xml.js';
import { layoutTopology, type Box, type Layout } from './layout.js';
import type { Topology, TopologyMember } from './topology.js';

// Every text from the stack goes through the one XML escaper; numbers are ours.
const x = (text: string) => xmlEscape(text);

const STYLE = `
  svg { font-family: system-ui, sans-serif; font-size: 12px; }
  .bus { stroke: #5b6b7c; stroke-width: 4; }
  .bus.heartbeat { stroke: #8e44ad; }
  .bus-label { fill: #34495e; font-size: 11px; }
  .wire { stroke: #7f8c8d; stroke-width: 1.5; }
  .wire.down { stroke: #c0392b; stroke-dasharray: 4 3; }
  .tap { fill: #7f8c8d; }
  .nic-label { fill: #2c3e50; font-size: 10px; }
  .node rect { fill: #ecf0f1; stroke: #7f8c8d; stroke-width: 2; rx: 6; }
  .node.online rect { fill: #e8f8ef; stroke: #27ae60; }
  .node.standby rect { fill: #fef5e7; stroke: #e67e22; }
  .node.offline rect, .node.unclean rect { fill: #fdedec; stroke: #c0392b; }
  .node-name { font-weight: 600; font-size: 14px; fill: #2c3e50; }
  .node-state, .node-groups { fill: #34495e; font-size: 11px; }
  .vip rect { fill: #eaf2fb; stroke: #2e86c1; stroke-width: 1.5; rx: 10; }
  .vip-owner { font-weight: 600; fill: #1b4f72; }
  .vip-address { fill: #1b4f72; font-size: 10px; font-family: ui-monospace, monospace; }
  .hold { fill: none; stroke: #2e86c1; stroke-width: 2; stroke-dasharray: 6 4; display: none; }
  .hold.on { display: inline; }
  .gateway circle { fill: #f4d03f; stroke: #7d6608; }
  .gateway text { fill: #7d6608; font-size: 10px; }
  .client rect { fill: #fdfefe; stroke: #95a5a6; stroke-dasharray: 3 2; rx: 6; }
`;

function nicWires(box: Box<TopologyMember>, layout: Layout, below: boolean): string[] {
  const { item, x: bx, y, w, h } = box;
  return item.nics.map((nic, i) => {
    const busY = layout.buses.get(nic.network);
    if (busY === undefined) return '';
    const cx = bx + ((i + 1) * w) / (item.nics.length + 1);
    const from = below ? y : y + h;
    const attrs = `data-node="${x(item.name)}" data-nic="${x(nic.name)}" data-network="${x(nic.network)}"`;
    return `<g class="nic" ${attrs}><line class="wire" x1="${cx}" y1="${from}" x2="${cx}" y2="${busY}"/>` +
      `<circle class="tap" cx="${cx}" cy="${busY}" r="4"/>` +
      `<text class="nic-label" x="${cx + 5}" y="${busY + (below ? 14 : -6)}">${x(nic.name)} ${x(nic.address)}</text></g>`;
  });
}

function holdPath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const top = Math.min(from.y, to.y) - 30;
  return `M ${from.x} ${from.y} C ${from.x} ${top}, ${to.x} ${top}, ${to.x} ${to.y}`;
}

/**
 * The topology as SVG: nodes with their NICs tapped onto one bus per network, VIPs with a dashed arc to the node that
 * holds them (the preferred one in a static picture; the web view switches arcs and node colours from live status
 * through the data-* attributes, so the page and `hactl graph` draw the same picture).
 */
export function topologySvg(t: Topology): string {
  const layout = layoutTopology(t);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="topology" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img">`);
  out.push(`<title>cluster ${x(t.cluster)} (${x(t.runtime)})</title>`, `<style>${STYLE}</style>`);
  out.push(`<text class="node-name" x="20" y="24">${x(t.cluster)} <tspan class="bus-label">runtime ${x(t.runtime)}</tspan></text>`);
  for (const n of t.networks) {
    const y = layout.buses.get(n.id)!;
    const hb = n.heartbeat.length ? `<text class="bus-label" x="${layout.busLeft}" y="${y + 16}">heartbeat (${n.heartbeat.map(x).join(', ')})</text>` : '';
    out.push(`<g data-network="${x(n.id)}"><line class="bus${n.heartbeat.length ? ' heartbeat' : ''}" x1="${layout.busLeft}" y1="${y}" x2="${layout.busRight}" y2="${y}"/>` +
      `<text class="bus-label" x="${layout.busLeft}" y="${y - 8}">${x(n.id)} ${x(n.cidr)}</text>${hb}</g>`);
  }
  t.gateways.forEach((g, i) => {
    const y = layout.buses.get(g.network);
    if (y === undefined) return;
    const gx = layout.busRight - 40 - i * 110;
    out.push(`<g class="gateway"><circle cx="${gx}" cy="${y}" r="6"/><text x="${gx}" y="${y + 18}" text-anchor="middle">ping ${x(g.address)}</text></g>`);
  });
  for (const box of layout.nodes) out.push(...nicWires(box, layout, false));
  if (layout.client) out.push(...nicWires(layout.client, layout, true));
  for (const { item, x: bx, y, w, h } of layout.nodes) {
    const preferred = t.vips.filter((v) => v.preferred === item.name).map((v) => v.owner);
    out.push(`<g class="node" data-node="${x(item.name)}"><rect x="${bx}" y="${y}" width="${w}" height="${h}"/>` +
      `<text class="node-name" x="${bx + 10}" y="${y + 20}">${x(item.name)}</text>` +
      `<text class="node-state" x="${bx + 10}" y="${y + 38}">${x(t.runtime)}</text>` +
      `<text class="node-groups" x="${bx + 10}" y="${y + 56}">${preferred.length ? `preferred for ${preferred.map(x).join(', ')}` : ''}</text></g>`);
  }
  for (const { item, x: vx, y, w, h } of layout.vips) {
    const lines = item.columns.flatMap((col, c) => col.map((a, r) => `<text class="vip-address" x="${vx + 10 + c * 104}" y="${y + 34 + r * 14}">${x(a)}</text>`));
    out.push(`<g class="vip" data-owner="${x(item.owner)}"><rect x="${vx}" y="${y}" width="${w}" height="${h}"/>` +
      `<text class="vip-owner" x="${vx + 10}" y="${y + 18}">${x(item.owner)}</text>${lines.join('')}</g>`);
    const busY = item.network ? layout.buses.get(item.network) : undefined;
    if (busY !== undefined) out.push(`<line class="wire" x1="${vx + w / 2}" y1="${y + h}" x2="${vx + w / 2}" y2="${busY}"/><circle class="tap" cx="${vx + w / 2}" cy="${busY}" r="4"/>`);
    for (const node of layout.nodes) {
      const on = node.item.name === item.preferred ? ' on preferred' : '';
      const d = holdPath({ x: vx + w / 2, y }, { x: node.x + node.w / 2, y: node.y });
      out.push(`<path class="hold${on}" data-owner="${x(item.owner)}" data-node="${x(node.item.name)}" d="${d}"/>`);
    }
  }
  if (layout.client) {
    const { item, x: cx, y, w, h } = layout.client;
    out.push(`<g class="client" data-client="${x(item.name)}"><rect x="${cx}" y="${y}" width="${w}" height="${h}"/>` +
      `<text class="node-name" x="${cx + 10}" y="${y + 20}">${x(item.name)}</text><text class="node-state" x="${cx + 10}" y="${y + 36}">lab client</text></g>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
