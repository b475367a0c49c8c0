import type { IntervalHistogram } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import type { AgentEvent } from '../../agent/log/events.js';
import type { AgentStatus } from '../../agent/status/status.js';
import { agentView } from '../../runtime/agent/view.js';
import { mergeViews } from '../../runtime/merge-views.js';
import { StatusTracker } from '../timeline/track.js';
import { AgentMetrics } from './agent-metrics.js';
import { ClusterMetrics } from './cluster-metrics.js';
import { parseListen } from './listen.js';
import { serveMetrics, type MetricsServer } from './serve.js';

/** What the metrics endpoint needs of a running agent (src/agent/core/agent.ts has it). */
export interface ObservedAgent {
  readonly node: string;
  status(): AgentStatus;
  readonly loopDelay: IntervalHistogram;
  onEvent(listener: (event: AgentEvent) => void): () => void;
}

/** Events after which where groups run, or who is up, may have changed: the tracker looks again at once. */
const CHANGES: ReadonlySet<AgentEvent['event']> = new Set(['group-state', 'node-state', 'link-state', 'placement', 'quorum', 'resource-failure', 'admin']);

/** The agent's registry: the shared cluster metrics from its own view, plus what only it knows about itself. */
export function agentRegistry(agent: ObservedAgent, clock: () => number = Date.now) {
  const registry = new Registry();
  const cluster = new ClusterMetrics(registry);
  const own = new AgentMetrics(registry);
  const tracker = new StatusTracker();
  const ownStatus = () => {
    const status = agent.status();
    return { status, merged: mergeViews([agentView(status)], status.nodes.map((n) => n.name)) };
  };
  tracker.observe(ownStatus().merged, clock());
  let pending = false;
  const unsubscribe = agent.onEvent((event) => {
    if (!CHANGES.has(event.event) || pending) return;
    // several events arrive in one tick (a node dies: node-state, placement, group-state): look once, after them
    pending = true;
    setImmediate(() => {
      pending = false;
      tracker.observe(ownStatus().merged, clock());
    });
  });
  const render = async () => {
    const { status, merged } = ownStatus();
    tracker.observe(merged, clock());
    cluster.update(merged, tracker.counters());
    own.update(status, agent.loopDelay);
    return { body: await registry.metrics(), contentType: registry.contentType };
  };
  return { registry, render, tracker, close: unsubscribe };
}

/** Starts the agent's opt-in /metrics endpoint (config `metrics.listen`). */
export async function startAgentMetrics(agent: ObservedAgent, listen: string): Promise<MetricsServer> {
  const { render, close } = agentRegistry(agent);
  const server = await serveMetrics(parseListen(listen), render);
  return { address: server.address, close: async () => { close(); await server.close(); } };
}
