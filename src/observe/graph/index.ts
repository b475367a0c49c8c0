import type { ClusterModel } from '../../model/model.js';
import { topologyDot } from './dot.js';
import { topologyMermaid } from './mermaid.js';
import { topologySvg } from './svg.js';
import { topologyOf } from './topology.js';

export const GRAPH_FORMATS = ['svg', 'dot', 'mermaid'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** `hactl graph`: the stack's topology, as `up` would build it, in one of the picture formats. */
export function drawTopology(model: ClusterModel, format: GraphFormat): string {
  const t = topologyOf(model);
  return format === 'svg' ? topologySvg(t) : format === 'dot' ? topologyDot(t) : topologyMermaid(t);
}

export { topologyOf, type Topology } from './topology.js';
export { topologySvg } from './svg.js';
