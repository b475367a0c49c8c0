import type { Diagnostic } from '../../diagnostics/index.js';
import { parseHbTime } from '../../agent/heartbeat-v1/ha-cf.js';
import { at, sourceError, type Parsed, type Where } from '../located.js';
import { contentLines } from './text.js';

export interface Located<T> {
  value: T;
  where: Where;
}

export type Media =
  | { mode: 'ucast'; nic: string; addresses: string[]; where: Where }
  | { mode: 'bcast'; nic: string; where: Where }
  | { mode: 'mcast'; nic: string; group: string; port: number; ttl: number; where: Where };

/** An ha.cf directive the stack cannot express, kept as written. */
export interface OtherDirective {
  directive: string;
  raw: string;
  where: Where;
  /** why the stack has no place for it */
  why: string;
}

/** What an ha.cf says, each value with where it was written. */
export interface HaCf {
  crm?: Located<{ directive: 'crm' | 'pacemaker'; value: string }>;
  logfile?: Located<string>;
  logfacility?: Located<string>;
  debug?: Located<number>;
  keepalive?: Located<number>;
  deadtime?: Located<number>;
  warntime?: Located<number>;
  initdead?: Located<number>;
  deadping?: Located<number>;
  udpport?: Located<number>;
  media: Media[];
  autoFailback?: Located<boolean>;
  watchdog?: Located<string>;
  nodes: Located<string>[];
  ping: Located<string>[];
  respawn: Located<{ user: string; command: string }>[];
  apiauth: Located<string>[];
  other: OtherDirective[];
}

const TIMES = ['keepalive', 'deadtime', 'warntime', 'initdead', 'deadping'] as const;

/** Directives heartbeat knows that the stack has no field for, and why. */
const NO_FIELD: Record<string, string> = {
  debugfile: 'the stack has logfile and logfacility only',
  use_logd: 'the stack logs through logfile/logfacility',
  compression: 'the stack has no message compression',
  compression_threshold: 'the stack has no message compression',
  traditional_compression: 'the stack has no message compression',
  coredumps: 'the stack has no core dump setting',
  uuidfrom: 'heartbeat derives node uuids itself in the stack',
  autojoin: 'the stack lists every node',
  realtime: 'the stack has no scheduling setting',
  rtprio: 'the stack has no scheduling setting',
  hopfudge: 'the stack has no ring hop setting',
  msgfmt: 'the stack has no message format setting',
  conn_logd_time: 'the stack logs through logfile/logfacility',
  max_rexmit_delay: 'the stack has no retransmit setting',
  hbgenmethod: 'the stack has no generation number setting',
  auth_failure_timeout: 'the stack has no auth failure timeout',
  serial: 'the stack has no serial links',
  baud: 'the stack has no serial links',
  stonith: 'the stack has no heartbeat v1 STONITH',
  stonith_host: 'the stack has no heartbeat v1 STONITH',
  ucast6: 'the stack has IPv4 links only',
  mcast6: 'the stack has IPv4 links only',
  ping_group: 'the stack has single ping nodes only',
  node_group: 'the stack has no node groups',
  keepalive_ms: 'use keepalive',
};

/** Reads every directive of an ha.cf: the ones the stack has a field for, and the others kept with why. */
export function parseHaCf(text: string, file: string): Parsed<HaCf> {
  const cf: HaCf = { media: [], nodes: [], ping: [], respawn: [], apiauth: [], other: [] };
  const issues: Diagnostic[] = [];
  for (const l of contentLines(text)) {
    const [directive = '', ...args] = l.content.split(/\s+/);
    const where = at(file, l.line, l.column);
    const argAt = (i: number) => at(file, l.line, l.column + l.content.indexOf(args[i] ?? '', directive.length));
    const err = (message: string, col = where) => void issues.push(sourceError('import-syntax', col, message));
    const rest = l.content.slice(directive.length).trim();
    const name = directive.toLowerCase();
    if ((TIMES as readonly string[]).includes(name)) {
      const ms = args[0] === undefined ? undefined : parseHbTime(args[0]);
      if (ms === undefined) err(`${directive}: expected a time such as 2, 0.5 or 500ms, got "${rest}"`, argAt(0));
      else cf[name as (typeof TIMES)[number]] = { value: ms, where };
      continue;
    }
    switch (name) {
      case 'crm':
      case 'pacemaker':
        cf.crm = { value: { directive: name, value: args[0] ?? '' }, where };
        break;
      case 'logfile':
      case 'logfacility':
        if (!args[0]) err(`${directive}: expected a value`);
        else cf[name] = { value: args[0], where };
        break;
      case 'debug': {
        const n = Number(args[0]);
        if (!Number.isInteger(n) || n < 0 || n > 255) err(`debug: expected a level 0..255, got "${rest}"`, argAt(0));
        else cf.debug = { value: n, where };
        break;
      }
      case 'udpport': {
        const port = Number(args[0]);
        if (!Number.isInteger(port) || port < 1 || port > 65535) err(`udpport: expected a port number, got "${rest}"`, argAt(0));
        else cf.udpport = { value: port, where };
        break;
      }
      case 'ucast':
        if (args.length < 2) err('ucast: expected "ucast NIC ADDRESS [ADDRESS...]"');
        else cf.media.push({ mode: 'ucast', nic: args[0]!, addresses: args.slice(1), where });
        break;
      case 'bcast':
        if (args.length < 1) err('bcast: expected "bcast NIC [NIC...]"');
        for (const nic of args) cf.media.push({ mode: 'bcast', nic, where });
        break;
      case 'mcast': {
        const [nic, group, port, ttl] = args;
        if (!nic || !group || !port || !ttl || !Number.isInteger(Number(port)) || !Number.isInteger(Number(ttl))) {
          err('mcast: expected "mcast NIC GROUP PORT TTL LOOP"');
        } else cf.media.push({ mode: 'mcast', nic, group, port: Number(port), ttl: Number(ttl), where });
        break;
      }
      case 'auto_failback': {
        const v = (args[0] ?? '').toLowerCase();
        if (['on', 'yes', 'true', 'legacy'].includes(v)) cf.autoFailback = { value: true, where };
        else if (['off', 'no', 'false'].includes(v)) cf.autoFailback = { value: false, where };
        else err(`auto_failback: expected on, off or legacy, got "${rest}"`, argAt(0));
        break;
      }
      case 'nice_failback':
        cf.autoFailback = { value: !['on', 'yes', 'true'].includes((args[0] ?? '').toLowerCase()), where };
        break;
      case 'watchdog':
        if (!args[0]) err('watchdog: expected a device');
        else cf.watchdog = { value: args[0], where };
        break;
      case 'node':
        args.forEach((n, i) => cf.nodes.push({ value: n, where: argAt(i) }));
        break;
      case 'ping':
        args.forEach((a, i) => cf.ping.push({ value: a, where: argAt(i) }));
        break;
      case 'respawn':
        if (args.length < 2) err('respawn: expected "respawn USER COMMAND"');
        else cf.respawn.push({ value: { user: args[0]!, command: rest.slice(args[0]!.length).trim() }, where });
        break;
      case 'apiauth':
        if (!rest) err('apiauth: expected "apiauth CLIENT uid=... gid=..."');
        else cf.apiauth.push({ value: rest.replace(/\s+/g, ' '), where });
        break;
      default:
        cf.other.push({ directive, raw: l.content, where, why: NO_FIELD[name] ?? 'not a directive heartbeat 3 knows' });
    }
  }
  return { value: cf, issues };
}
