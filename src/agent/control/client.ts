import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { hostname } from 'node:os';
import { HactlError, isCode } from '../../diagnostics/index.js';
import type { AgentConfig } from '../config/index.js';
import { loadAgentConfig } from '../config/index.js';
import { resolvePaths } from '../config/index.js';
import type { ControlRequest, ControlResponse, IsActiveResult } from './protocol.js';
import { AGENT_CONFIG_PATH, DEFAULT_HA_DIR } from '../config/paths.js';
import type { AgentStatus } from '../status/status.js';

/** code: agent-not-running | timeout | protocol | or the agent's own error code (unknown-group, ...). */
export class AgentClientError extends HactlError {
  constructor(code: string, message: string) {
    super(isCode(code) ? code : 'protocol', message);
    this.name = 'AgentClientError';
  }
}

export interface ClientOptions {
  timeoutMs?: number;
}

/** One request, one response line. */
export function requestAgent(socketPath: string, req: ControlRequest, opts: ClientOptions = {}): Promise<unknown> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    let buffer = '';
    let done = false;
    const socket = connect(socketPath);
    const finish = (err: AgentClientError | undefined, value?: unknown): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(value);
    };
    const timer = setTimeout(() => finish(new AgentClientError('timeout', `no answer from ${socketPath} within ${timeoutMs} ms`)), timeoutMs);
    socket.on('connect', () => socket.write(JSON.stringify({ id: 1, ...req }) + '\n'));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const notRunning = err.code === 'ENOENT' || err.code === 'ECONNREFUSED';
      finish(new AgentClientError(notRunning ? 'agent-not-running' : 'protocol', notRunning ? `no agent is listening on ${socketPath}` : `${socketPath}: ${err.message}`));
    });
    socket.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      const nl = buffer.indexOf('\n');
      if (nl < 0) return;
      let res: ControlResponse;
      try {
        res = JSON.parse(buffer.slice(0, nl)) as ControlResponse;
      } catch {
        return finish(new AgentClientError('protocol', 'the agent answered something that is not JSON'));
      }
      if (res.ok) finish(undefined, res.result);
      else finish(new AgentClientError(res.error.code, res.error.message));
    });
    socket.on('end', () => finish(new AgentClientError('protocol', 'the agent closed the connection without answering')));
  });
}

export const agentStatus = (socket: string, o?: ClientOptions): Promise<AgentStatus> =>
  requestAgent(socket, { cmd: 'status' }, o) as Promise<AgentStatus>;
export const agentStandby = (socket: string, node: string, o?: ClientOptions): Promise<unknown> =>
  requestAgent(socket, { cmd: 'standby', node }, o);
export const agentOnline = (socket: string, node: string, o?: ClientOptions): Promise<unknown> =>
  requestAgent(socket, { cmd: 'online', node }, o);
export const agentMove = (socket: string, group: string, node: string, o?: ClientOptions): Promise<unknown> =>
  requestAgent(socket, { cmd: 'move', group, node }, o);
export const agentUnmove = (socket: string, group: string, o?: ClientOptions): Promise<unknown> =>
  requestAgent(socket, { cmd: 'unmove', group }, o);
export const agentCleanup = (socket: string, resource?: string, node?: string, o?: ClientOptions): Promise<unknown> =>
  requestAgent(socket, { cmd: 'cleanup', ...(resource ? { resource } : {}), ...(node ? { node } : {}) }, o);
export const agentIsActive = (socket: string, group: string, o?: ClientOptions): Promise<IsActiveResult> =>
  requestAgent(socket, { cmd: 'is-active', group }, o) as Promise<IsActiveResult>;

export interface SocketLookup {
  /** Explicit socket path (--socket); wins over everything. */
  socket?: string;
  config?: AgentConfig;
  /** Agent config file (--config). */
  configPath?: string;
  /** heartbeat v1 directory (--ha-dir): cluster name "heartbeat". */
  haDir?: string;
  /** Default: host name. */
  node?: string;
}

/**
 * Where the local agent listens: --socket, else from --config, else from --ha-dir, else from
 * /etc/hactl/agent.json, else the heartbeat v1 default for /etc/ha.d.
 */
export async function agentSocketPath(o: SocketLookup = {}): Promise<string> {
  if (o.socket) return o.socket;
  const node = o.node ?? hostname();
  if (o.config) return resolvePaths(o.config, node).socket;
  const configPath = o.configPath ?? (o.haDir === undefined && existsSync(AGENT_CONFIG_PATH) ? AGENT_CONFIG_PATH : undefined);
  if (configPath) return resolvePaths(await loadAgentConfig(configPath), node).socket;
  if (o.haDir !== undefined || existsSync(`${DEFAULT_HA_DIR}/ha.cf`)) return `/run/hactl/heartbeat-${node}/control.sock`;
  throw new AgentClientError('agent-not-running', `no agent config at ${AGENT_CONFIG_PATH} and no ${DEFAULT_HA_DIR}/ha.cf: pass --socket or --config`);
}
