import { hostname } from 'node:os';
import { AGENT_CONFIG_PATH, loadAgentConfig, type AgentConfig } from '../config/index.js';
import { Agent } from '../core/agent.js';
import { loadHeartbeatV1 } from '../heartbeat-v1/config.js';
import { logEvent } from '../log/format-event.js';
import { createLogger, flushLogger, type AgentLogger } from '../log/logger.js';
import { enableRealtime } from './realtime.js';

export interface RunAgentOptions {
  /** Agent config document (JSON). */
  configPath?: string;
  /** heartbeat v1 mode: read ha.cf, haresources and authkeys from this directory instead. */
  haDir?: string;
  /** An already loaded config (renderer, tests). */
  config?: AgentConfig;
  /** Which node this is; default the host name (heartbeat uses `uname -n` too). */
  node?: string;
  logLevel?: AgentConfig['log']['level'];
  log?: AgentLogger;
  /** Stop cleanly on SIGTERM/SIGINT. Default true. */
  handleSignals?: boolean;
}

export interface RunningAgent {
  agent: Agent;
  node: string;
  config: AgentConfig;
  /** Graceful stop: groups stop in reverse order, VIPs are released, peers are told. */
  stop(reason?: string): Promise<void>;
  /** Resolves once the agent has stopped. */
  done: Promise<void>;
}

/** Loads the config (agent JSON or heartbeat v1 files), starts the agent and wires signals to a clean stop. */
export async function runAgent(opts: RunAgentOptions): Promise<RunningAgent> {
  const node = opts.node ?? hostname();
  let config: AgentConfig;
  let compatWarnings: string[] = [];
  if (opts.config) config = opts.config;
  else if (opts.haDir) {
    const r = await loadHeartbeatV1(opts.haDir);
    config = r.config;
    compatWarnings = r.warnings.map((w) => `${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
  } else config = await loadAgentConfig(opts.configPath ?? AGENT_CONFIG_PATH);
  if (opts.logLevel) config = { ...config, log: { ...config.log, level: opts.logLevel } };
  const log = opts.log ?? createLogger({ config, node });
  for (const text of compatWarnings) logEvent(log, { event: 'compat-warning', text });
  const agent = new Agent({ config, node, log });
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const stop = (reason?: string): Promise<void> =>
    agent
      .stop(reason)
      .then(() => flushLogger(log))
      .then(resolveDone);
  const onSignal = (signal: NodeJS.Signals): void => void stop(`received ${signal}`);
  if (opts.handleSignals ?? true) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    void done.then(() => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    });
  }
  try {
    if (config.realtime) await enableRealtime(log);
    await agent.start();
    if (config.metrics) {
      // loaded only when asked for: the Prometheus client costs memory an agent without metrics should not pay
      const { startAgentMetrics } = await import('../../observe/metrics/agent-endpoint.js');
      const metrics = await startAgentMetrics(agent, config.metrics.listen);
      logEvent(log, { event: 'metrics-listen', address: metrics.address });
      void done.then(() => metrics.close());
    }
  } catch (err) {
    logEvent(log, { event: 'start-failed', err: (err as Error).message });
    await agent.abort();
    await flushLogger(log);
    resolveDone();
    throw err;
  }
  return { agent, node, config, stop, done };
}
