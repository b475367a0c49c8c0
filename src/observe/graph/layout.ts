import type { Topology, TopologyMember, TopologyVip } from './topology.js';

/** Where each part of a topology sits in the picture; computed once so the SVG and the web view agree. */
export interface Layout {
  width: number;
  height: number;
  nodes: Box<TopologyMember>[];
  client?: Box<TopologyMember>;
  vips: Box<TopologyVip & { columns: string[][] }>[];
  /** y of each network's bus line, by network id */
  buses: Map<string, number>;
  busLeft: number;
  busRight: number;
}

export interface Box<T> {
  item: T;
  x: number;
  y: number;
  w: number;
  h: number;
}

const MARGIN = 20;
const TOP = 64;
/** left of the nodes: each network's name, subnet and heartbeat role, beside its bus */
const GUTTER = 150;
const NODE_W = 180;
const NODE_H = 70;
const GAP = 40;
const BUS_GAP = 64;
const LINE = 14;
/** a VRRP instance may float dozens of addresses: they are listed in columns of this many */
const PER_COLUMN = 8;
const COLUMN_W = 104;

function columns(addresses: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < addresses.length; i += PER_COLUMN) out.push(addresses.slice(i, i + PER_COLUMN));
  return out;
}

/** Network labels in a gutter on the left, nodes in a row, VIPs to their right, one horizontal bus per network below them, the lab client under the buses. */
export function layoutTopology(t: Topology): Layout {
  const nodes = t.nodes.map((item, i) => ({ item, x: MARGIN + GUTTER + i * (NODE_W + GAP), y: TOP, w: NODE_W, h: NODE_H }));
  let x = MARGIN + GUTTER + t.nodes.length * (NODE_W + GAP) + GAP;
  const vips = t.vips.map((v) => {
    const cols = columns(v.addresses);
    const box = { item: { ...v, columns: cols }, x, y: TOP, w: Math.max(140, cols.length * COLUMN_W + 16), h: 30 + Math.min(PER_COLUMN, v.addresses.length) * LINE };
    x += box.w + GAP / 2;
    return box;
  });
  const rowBottom = Math.max(TOP + NODE_H, ...vips.map((v) => v.y + v.h));
  const buses = new Map(t.networks.map((n, i) => [n.id, rowBottom + 50 + i * BUS_GAP]));
  const lastBus = Math.max(rowBottom + 50, ...buses.values());
  const width = Math.max(x + MARGIN, 520);
  // under the gap between the first two nodes, so its wires and labels do not run into theirs
  const clientX = nodes.length > 1 ? (nodes[0]!.x + nodes[1]!.x + NODE_W) / 2 - NODE_W / 2 : MARGIN + GUTTER;
  const client = t.client ? { item: t.client, x: clientX, y: lastBus + 40, w: NODE_W, h: 44 } : undefined;
  const height = (client ? client.y + client.h : lastBus) + MARGIN + 10;
  return { width, height, nodes, ...(client ? { client } : {}), vips, buses, busLeft: MARGIN, busRight: width - MARGIN };
}
