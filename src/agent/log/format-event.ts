import type { Level } from 'pino';
import type { AgentLogger } from './logger.js';
import { REALTIME_NOT_ROOT, type AgentEvent } from './events.js';

export interface FormattedEvent {
  level: Level;
  msg: string;
  /** What pino writes besides the message: the event, less what only the prose needs. */
  fields: object;
}

/** The one place that turns an agent event into words. */
export function formatEvent(e: AgentEvent): FormattedEvent {
  const line = (level: Level, msg: string, fields: object = e): FormattedEvent => ({ level, msg, fields });
  switch (e.event) {
    case 'agent-start': {
      const { node, ...fields } = e;
      return line('info', `agent starting as ${node} (generation ${e.generation})`, fields);
    }
    case 'auth-crc':
      return line('warn', 'auth method crc authenticates nothing: anyone on the interconnect can forge heartbeats');
    case 'agent-stop':
      return line('info', `stopping: ${e.cause}`);
    case 'stop-unclean':
      return line('error', `groups not stopped cleanly: ${e.groups.join(', ')}; peers take over after deadtime`);
    case 'agent-stopped':
      return line('info', 'agent stopped');
    case 'start-failed':
      return line('fatal', `agent failed to start: ${e.err}`);
    case 'realtime':
      if (e.ok) return line('info', `realtime scheduling on (${e.cause})`);
      return e.cause === REALTIME_NOT_ROOT ? line('info', `realtime scheduling skipped: ${e.cause}`) : line('warn', `realtime scheduling failed: ${e.cause}`);
    case 'compat-warning':
      return line('warn', e.text, { event: e.event });
    case 'persist-failed':
      return line('warn', `cannot save state: ${e.err}`);
    case 'metrics-listen':
      return line('info', `metrics on http://${e.address}/metrics`);
    case 'link-open':
      return line('info', `link ${e.link} (${e.mode}) on ${e.local}:${e.port}`);
    case 'link-error':
      return line('warn', `link ${e.link}: ${e.err}`);
    case 'carrier':
      return line(e.up ? 'info' : 'warn', `carrier on ${e.iface} ${e.up ? 'up' : 'lost'}`);
    case 'carrier-error':
      return line('warn', e.err);
    case 'ping-state':
      return line('info', `ping node ${e.target} ${e.state}: ${e.cause}`);
    case 'ping-error':
      return line('warn', e.err);
    case 'peer-restart':
      return line('info', `${e.peer} restarted (generation ${e.generation})`);
    case 'bad-report':
      return line('warn', `authentic packet from ${e.peer} with an unusable state; ignored`);
    case 'peer-phase':
      return line('info', `${e.peer} is ${e.phase}`);
    case 'node-state':
      return line(e.to === 'dead' || e.to === 'warn' ? 'warn' : 'info', `node ${e.peer}: ${e.from} -> ${e.to} (${e.cause})`);
    case 'link-state':
      return line('info', `link ${e.link} to ${e.peer}: ${e.from} -> ${e.to} (${e.cause})`);
    case 'stall':
      return line('warn', `this agent was not scheduled for ${e.ms} ms; peers' silence during it is not counted`);
    case 'phase':
      return line('info', `phase ${e.from} -> ${e.to} (${e.cause})`);
    case 'quorum':
      return line(e.quorate ? 'info' : 'warn', `quorum: ${e.quorate ? 'yes' : 'NO'} (${e.cause})`);
    case 'placement': {
      const { moved, ...fields } = e;
      return line(moved ? 'info' : 'debug', `${e.group}: placed on ${e.to ?? 'nothing'} (${e.cause})`, fields);
    }
    case 'admin':
      return line('info', `admin ${e.register} = ${JSON.stringify(e.value)} (${e.cause})`);
    case 'cleanup': {
      const { node, ...fields } = e;
      return line('info', `cleanup of ${e.resource} on ${node}`, fields);
    }
    case 'group-state':
      return line(e.to === 'failed' || e.to === 'blocked' ? 'error' : 'info', `${e.group}: ${e.from} -> ${e.to} (${e.cause})`);
    case 'resource-failure':
      return line('error', `${e.op} of ${e.resource} failed (${e.cause}); on-fail=${e.onFail}, fail-count ${e.failCount}`);
    case 'op':
      return line('debug', `${e.op} ${e.resource}`);
    case 'reannounce':
      return line('info', `${e.group}: the other side let go; re-announced ${e.resources.join(', ') || 'nothing'}`);
    case 'role':
      return line('info', `${e.group}: ${e.role} (${e.cause})`);
    case 'notify':
      return line(e.ok ? 'info' : 'warn', `notify ${e.role} for ${e.group}: ${e.result}`);
    case 'fence-skipped':
      return line('warn', `would fence ${e.target} (${e.cause}) but no fencing hook is configured`);
    case 'fence':
      return line('warn', `fencing ${e.target}: ${e.cause}`);
    case 'fence-result':
      return line(e.ok ? 'info' : 'error', `fencing ${e.target}: ${e.result}`);
    case 'arping-failed':
      return line('warn', 'gratuitous ARP not sent');
    case 'process-exit':
      return line('debug', 'supervised process exited');
  }
}

export function logEvent(log: AgentLogger, e: AgentEvent): void {
  const { level, msg, fields } = formatEvent(e);
  log[level](fields, msg);
}
