import type { Diagnostic } from '../../diagnostics/index.js';
import { at, sourceError, type Parsed, type Where } from '../located.js';
import { parseBlocks, texts, type Stmt } from './blocks.js';

/** A statement the stack cannot express, kept as written, with why. */
export interface KeptStmt {
  stmt: Stmt;
  why: string;
}

export interface VrrpScript {
  name: string;
  /** the command line in keepalived's own syntax (words, 'single quotes' around a word with spaces) */
  script?: string;
  intervalMs?: number;
  weight?: number;
  fall?: number;
  rise?: number;
  user?: string;
  kept: KeptStmt[];
  where: Where;
}

export interface VrrpInstance {
  name: string;
  state?: 'MASTER' | 'BACKUP';
  interface?: string;
  vrid?: number;
  priority?: number;
  advertIntMs?: number;
  version?: 2 | 3;
  nopreempt: boolean;
  garpMasterDelayMs?: number;
  auth?: { type: 'PASS' | 'AH'; pass: string; where: Where };
  unicastSrcIp?: string;
  unicastPeers: string[];
  vips: string[];
  excluded: string[];
  track: string[];
  notify: { master?: string; backup?: string; fault?: string; stop?: string };
  kept: KeptStmt[];
  where: Where;
}

export interface KeepalivedConf {
  global: {
    emails: string[];
    emailFrom?: string;
    smtpServer?: string;
    smtpConnectTimeout?: number;
    routerId?: string;
    kept: KeptStmt[];
  };
  scripts: VrrpScript[];
  instances: VrrpInstance[];
  /** include lines: the files they name are read as part of this one */
  includes: { pattern: string; where: Where }[];
  kept: KeptStmt[];
  text: string;
}

const ADDRESS = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;
const seconds = (v: string | undefined) => (v !== undefined && /^\d+(\.\d+)?$/.test(v) ? Math.round(Number(v) * 1000) : undefined);
const integer = (v: string | undefined) => (v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined);

/** A program keepalived runs (notify): a single-quoted word is one path with spaces in it. */
function program(word: string): string {
  return /^'[^']*'$/.test(word) ? word.slice(1, -1) : word;
}

/** Reads keepalived.conf (1.2 and 2.x): global_defs, vrrp_script and vrrp_instance; any other block is kept. */
export function parseKeepalived(text: string, file: string): Parsed<KeepalivedConf> {
  const blocks = parseBlocks(text, file, { comment: '#!', semicolons: false });
  const issues: Diagnostic[] = [...blocks.issues];
  const conf: KeepalivedConf = { global: { emails: [], kept: [] }, scripts: [], instances: [], includes: [], kept: [], text };
  const where = (s: Stmt) => at(file, s.line, s.column);
  const bad = (s: Stmt, message: string) => void issues.push(sourceError('import-syntax', where(s), message));
  const value = (s: Stmt, what: string): string | undefined => {
    const v = s.words[1]?.text;
    if (v === undefined) bad(s, `${s.words[0]!.text}: expected ${what}`);
    return v;
  };
  const number = (s: Stmt, parse: (v: string | undefined) => number | undefined, what: string): number | undefined => {
    const n = parse(s.words[1]?.text);
    if (n === undefined) bad(s, `${s.words[0]!.text}: expected ${what}, got "${texts(s).slice(1).join(' ')}"`);
    return n;
  };

  for (const top of blocks.value) {
    const key = top.words[0]?.text ?? '';
    if (key === 'include') {
      const pattern = value(top, 'a file name');
      if (pattern) conf.includes.push({ pattern, where: where(top) });
    } else if (key === 'global_defs' && top.block) {
      for (const s of top.block) {
        const k = s.words[0]?.text ?? '';
        if (k === 'notification_email') conf.global.emails.push(...(s.block ?? []).flatMap(texts), ...texts(s).slice(1));
        else if (k === 'notification_email_from') conf.global.emailFrom = value(s, 'an address');
        else if (k === 'smtp_server') conf.global.smtpServer = texts(s).slice(1).join(' ') || value(s, 'a host');
        else if (k === 'smtp_connect_timeout') conf.global.smtpConnectTimeout = number(s, integer, 'seconds');
        else if (k === 'router_id') conf.global.routerId = value(s, 'a name');
        else if (k === 'script_user' || k === 'enable_script_security') continue; // hactl writes both on keepalived 2 (src/render/keepalived)
        else conf.global.kept.push({ stmt: s, why: 'the stack’s keepalived section has no such setting' });
      }
    } else if (key === 'vrrp_script' && top.block) {
      const script: VrrpScript = { name: top.words[1]?.text ?? '', kept: [], where: where(top) };
      if (!script.name) bad(top, 'vrrp_script: expected a name');
      for (const s of top.block) {
        const k = s.words[0]?.text ?? '';
        if (k === 'script') script.script = texts(s).slice(1).join(' ') || value(s, 'a command');
        else if (k === 'interval') script.intervalMs = number(s, seconds, 'seconds');
        else if (k === 'weight') script.weight = number(s, integer, 'an integer');
        else if (k === 'fall') script.fall = number(s, integer, 'a count');
        else if (k === 'rise') script.rise = number(s, integer, 'a count');
        else if (k === 'user') script.user = value(s, 'a user');
        else script.kept.push({ stmt: s, why: 'the stack’s track scripts have script, interval, weight, fall, rise and user only' });
      }
      conf.scripts.push(script);
    } else if (key === 'vrrp_instance' && top.block) {
      conf.instances.push(instance(top, file, bad, value, number));
    } else {
      conf.kept.push({ stmt: top, why: key === 'virtual_server' || key === 'virtual_server_group' ? 'the stack has no LVS load balancing' : `the stack has no ${key || 'such'} block` });
    }
  }
  return { value: conf, issues };
}

function instance(
  top: Stmt,
  file: string,
  bad: (s: Stmt, message: string) => void,
  value: (s: Stmt, what: string) => string | undefined,
  number: (s: Stmt, parse: (v: string | undefined) => number | undefined, what: string) => number | undefined,
): VrrpInstance {
  const v: VrrpInstance = { name: top.words[1]?.text ?? '', nopreempt: false, unicastPeers: [], vips: [], excluded: [], track: [], notify: {}, kept: [], where: at(file, top.line, top.column) };
  if (!v.name) bad(top, 'vrrp_instance: expected a name');
  const addresses = (s: Stmt, into: string[]) => {
    for (const line of s.block ?? []) {
      const [address, ...options] = texts(line);
      if (!address || !ADDRESS.test(address)) bad(line, `expected an IPv4 address, got "${texts(line).join(' ')}"`);
      else into.push(address);
      if (address && options.length) v.kept.push({ stmt: line, why: `${address} is kept without "${options.join(' ')}": the stack puts every VIP on the instance interface` });
    }
  };
  for (const s of top.block ?? []) {
    const k = s.words[0]?.text ?? '';
    switch (k) {
      case 'state': {
        const state = s.words[1]?.text.toUpperCase();
        if (state === 'MASTER' || state === 'BACKUP') v.state = state;
        else bad(s, `state: expected MASTER or BACKUP, got "${s.words[1]?.text ?? ''}"`);
        break;
      }
      case 'interface':
        v.interface = value(s, 'a NIC');
        break;
      case 'virtual_router_id':
        v.vrid = number(s, (x) => (x !== undefined && /^\d+$/.test(x) ? Number(x) : undefined), 'a number 1..255');
        break;
      case 'priority':
        v.priority = number(s, (x) => (x !== undefined && /^\d+$/.test(x) ? Number(x) : undefined), 'a number 1..255');
        break;
      case 'advert_int':
        v.advertIntMs = number(s, seconds, 'seconds');
        break;
      case 'version': {
        const n = s.words[1]?.text;
        if (n === '2' || n === '3') v.version = Number(n) as 2 | 3;
        else bad(s, `version: expected 2 or 3, got "${n ?? ''}"`);
        break;
      }
      case 'nopreempt':
        v.nopreempt = true;
        break;
      case 'garp_master_delay':
        v.garpMasterDelayMs = number(s, seconds, 'seconds');
        break;
      case 'authentication': {
        const type = s.block?.find((x) => x.words[0]?.text === 'auth_type')?.words[1]?.text.toUpperCase();
        const passStmt = s.block?.find((x) => x.words[0]?.text === 'auth_pass');
        const pass = passStmt?.words[1]?.text;
        if ((type === 'PASS' || type === 'AH') && pass !== undefined) v.auth = { type, pass, where: at(file, passStmt!.line, passStmt!.column) };
        else bad(s, 'authentication: expected auth_type PASS or AH and an auth_pass');
        break;
      }
      case 'unicast_src_ip':
        v.unicastSrcIp = value(s, 'an address');
        break;
      case 'unicast_peer':
        v.unicastPeers.push(...(s.block ?? []).map((x) => x.words[0]?.text ?? ''));
        break;
      case 'virtual_ipaddress':
        addresses(s, v.vips);
        break;
      case 'virtual_ipaddress_excluded':
        addresses(s, v.excluded);
        break;
      case 'track_script':
        for (const line of s.block ?? []) {
          const [name, ...rest] = texts(line);
          if (name) v.track.push(name);
          if (rest.length) v.kept.push({ stmt: line, why: `the weight of ${name} is kept as the script's own: the stack sets it per script, not per instance` });
        }
        break;
      case 'notify_master':
      case 'notify_backup':
      case 'notify_fault':
      case 'notify_stop': {
        const words = texts(s).slice(1);
        const event = k.slice('notify_'.length) as keyof VrrpInstance['notify'];
        const one = words.length === 1 && (/^'[^']*'$/.test(words[0]!) || !/\s/.test(words[0]!)) ? program(words[0]!) : undefined;
        if (one?.startsWith('/')) v.notify[event] = one;
        else v.kept.push({ stmt: s, why: 'a notify entry of the stack is the path of one program, without arguments' });
        break;
      }
      default:
        v.kept.push({ stmt: s, why: `the stack’s VRRP instances have no ${k}` });
    }
  }
  return v;
}
