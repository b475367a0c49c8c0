import { expandVars, shellAssignments } from './shell-words.js';

/** The service check a respawned script runs before it calls hb_standby, as the stack's monitor says it. */
export interface MonitorCheck {
  kind: 'memcached' | 'http' | 'tcp' | 'process';
  intervalMs: number;
  timeoutMs?: number;
  port?: number;
  url?: string;
  pidfile?: string;
  /** the service whose process the script checks (PROCESS=, or the pid file's daemon) */
  process?: string;
  /** hactl's own template (ha-chk-NAME.sh) rather than a hand-written loop */
  rendered: boolean;
}

const seconds = (text: string | undefined): number | undefined => (text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Math.round(Number(text) * 1000) : undefined);

/** A check loop hactl rendered (src/render/monitor-scripts): every value is one of its variables. */
function renderedCheck(text: string): MonitorCheck | undefined {
  if (!/Rendered by hactl\./.test(text) || !/hb_standby/.test(text)) return undefined;
  const vars = shellAssignments(text);
  const intervalMs = seconds(vars.get('CHECK_INTERVAL'));
  if (intervalMs === undefined) return undefined;
  const kind = /printf "stats/.test(text) ? 'memcached' : vars.has('URL_PATH') ? 'http' : /service_answers\(\) \{\n\s+return 0/.test(text) ? 'process' : 'tcp';
  const port = Number(vars.get('PORT'));
  const host = vars.get('HOST') ?? '127.0.0.1';
  const timeoutMs = seconds(vars.get('TIMEOUT'));
  return {
    kind,
    intervalMs,
    ...(timeoutMs !== undefined && timeoutMs !== 5000 ? { timeoutMs } : {}),
    ...(kind !== 'http' && kind !== 'process' && port > 0 ? { port } : {}),
    ...(kind === 'http' ? { url: `http://${host}${port === 80 ? '' : `:${port}`}${vars.get('URL_PATH') ?? '/'}` } : {}),
    ...(vars.get('PIDFILE') ? { pidfile: vars.get('PIDFILE') } : {}),
    ...(vars.get('PROCESS') ? { process: vars.get('PROCESS') } : {}),
    rendered: true,
  };
}

/**
 * The classic hand-written loop (seed 000's ha-chk-memcached.sh): probe the service (telnet `stats`, curl, kill -0
 * on a pid file), call hb_standby when it fails, sleep. Read the way a person reads it; anything else is not a check.
 */
function handWrittenCheck(text: string): MonitorCheck | undefined {
  if (!/hb_standby/.test(text) || !/while\s/.test(text)) return undefined;
  const vars = shellAssignments(text);
  const body = expandVars(text, vars);
  const sleeps = [...body.matchAll(/\bsleep\s+(\d+(?:\.\d+)?)\b/g)].map((m) => m[1]!);
  const intervalMs = seconds(sleeps.at(-1));
  if (intervalMs === undefined) return undefined;
  const pidfile = /kill\s+-0\s+(?:`cat\s+([^`\s]+)`|\$\(cat\s+([^)\s]+)\))/.exec(body);
  const telnet = /\b(?:telnet|nc)\s+(\S+)\s+(\d+)/.exec(body);
  const url = /\b(?:curl|wget)\b[^\n]*?(https?:\/\/[^\s'"]+)/.exec(body);
  const pid = pidfile ? (pidfile[1] ?? pidfile[2]) : undefined;
  const common = { intervalMs, rendered: false, ...(pid ? { pidfile: pid, process: pid.split('/').at(-1)!.replace(/\.pid$/, '') } : {}) };
  if (/\bstats\b/.test(body) && /STAT pid/.test(body)) return { kind: 'memcached', ...common, ...(telnet ? { port: Number(telnet[2]) } : {}) };
  if (url) return { kind: 'http', ...common, url: url[1]! };
  if (telnet) return { kind: 'tcp', ...common, port: Number(telnet[2]) };
  if (pid) return { kind: 'process', ...common };
  return undefined;
}

/** What a respawned check script checks, or undefined when it is not a check loop hactl can say as a monitor. */
export function parseMonitorScript(text: string): MonitorCheck | undefined {
  return renderedCheck(text) ?? handWrittenCheck(text);
}
