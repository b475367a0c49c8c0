/** What the agent takes from a heartbeat v1 ha.cf. */
export interface HaCf {
  keepaliveMs?: number;
  warntimeMs?: number;
  deadtimeMs?: number;
  initdeadMs?: number;
  udpport?: number;
  ucast: Array<{ iface: string; ip: string; line: number }>;
  bcast: Array<{ iface: string; line: number }>;
  mcast: Array<{ iface: string; group: string; port: number; ttl: number; line: number }>;
  autoFailback?: boolean;
  nodes: string[];
  ping: string[];
  logfile?: string;
  ipfail: boolean;
  crm: boolean;
}

export interface CompatIssue {
  file: string;
  line: number;
  message: string;
}

/** heartbeat reads bare numbers as seconds and accepts an `ms` (or `s`) suffix. */
export function parseHbTime(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Math.round(m[2] === 'ms' ? n : n * 1000);
}

const IGNORED = new Set([
  'apiauth', 'debugfile', 'debug', 'use_logd', 'conn_logd_time', 'compression', 'compression_threshold',
  'traditional_compression', 'coredumps', 'uuidfrom', 'autojoin', 'realtime', 'hopfudge', 'msgfmt', 'max_rexmit_delay',
  'logfacility', 'deadping', 'hbgenmethod', 'rtprio', 'auth_failure_timeout',
]);
const UNSUPPORTED = new Set(['serial', 'baud', 'watchdog', 'stonith', 'stonith_host', 'ucast6', 'mcast6', 'ping_group', 'node_group']);

/** Reads directives; `issues` gets errors (cannot run) and `warnings` what is ignored. */
export function parseHaCf(text: string, file: string, issues: CompatIssue[], warnings: CompatIssue[]): HaCf {
  const cf: HaCf = { ucast: [], bcast: [], mcast: [], nodes: [], ping: [], ipfail: false, crm: false };
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!content) return;
    const [directive = '', ...args] = content.split(/\s+/);
    const err = (message: string): void => void issues.push({ file, line, message });
    const warn = (message: string): void => void warnings.push({ file, line, message });
    const time = (): number | undefined => {
      const ms = args[0] === undefined ? undefined : parseHbTime(args[0]);
      if (ms === undefined) err(`${directive}: expected a time such as 2, 0.5 or 500ms, got "${args.join(' ')}"`);
      return ms;
    };
    switch (directive) {
      case 'keepalive':
        cf.keepaliveMs = time();
        break;
      case 'warntime':
        cf.warntimeMs = time();
        break;
      case 'deadtime':
        cf.deadtimeMs = time();
        break;
      case 'initdead':
        cf.initdeadMs = time();
        break;
      case 'udpport': {
        const port = Number(args[0]);
        if (!Number.isInteger(port) || port < 1 || port > 65535) err(`udpport: expected a port number, got "${args[0] ?? ''}"`);
        else cf.udpport = port;
        break;
      }
      case 'ucast':
        if (args.length < 2) err('ucast: expected "ucast IFACE IP [IP...]"');
        for (const ip of args.slice(1)) cf.ucast.push({ iface: args[0]!, ip, line });
        break;
      case 'bcast':
        if (args.length < 1) err('bcast: expected "bcast IFACE [IFACE...]"');
        for (const iface of args) cf.bcast.push({ iface, line });
        break;
      case 'mcast': {
        const [iface, group, port, ttl] = args;
        if (!iface || !group || !port || !ttl) err('mcast: expected "mcast IFACE GROUP PORT TTL LOOP"');
        else cf.mcast.push({ iface, group, port: Number(port), ttl: Number(ttl), line });
        break;
      }
      case 'auto_failback':
        if (args[0] === 'on' || args[0] === 'yes' || args[0] === 'true') cf.autoFailback = true;
        else if (args[0] === 'off' || args[0] === 'no' || args[0] === 'false') cf.autoFailback = false;
        else if (args[0] === 'legacy') {
          cf.autoFailback = true;
          warn('auto_failback legacy is treated as on');
        } else err(`auto_failback: expected on or off, got "${args[0] ?? ''}"`);
        break;
      case 'nice_failback':
        cf.autoFailback = !(args[0] === 'on' || args[0] === 'yes');
        break;
      case 'node':
        cf.nodes.push(...args);
        break;
      case 'ping':
        cf.ping.push(...args);
        break;
      case 'logfile':
        if (args[0]) cf.logfile = args[0];
        break;
      case 'respawn': {
        const cmd = args.slice(1).join(' ');
        if (/ipfail/.test(cmd)) cf.ipfail = true;
        else warn(`respawn ${cmd}: not run by the agent; use a monitor on the resource instead (it also has no hb_standby)`);
        break;
      }
      case 'crm':
      case 'pacemaker':
        if (args[0] !== 'off' && args[0] !== 'no' && args[0] !== 'false') {
          cf.crm = true;
          err(`${directive} ${args[0] ?? ''}: this ha.cf runs a cluster resource manager; v1 mode only reads haresources`);
        }
        break;
      default:
        if (UNSUPPORTED.has(directive)) warn(`${directive}: not supported by the agent, ignored`);
        else if (!IGNORED.has(directive)) warn(`unknown directive "${directive}", ignored`);
    }
  });
  return cf;
}
