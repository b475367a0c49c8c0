import type { Diagnostic } from '../../diagnostics/index.js';
import { at, sourceError, sourceWarning, type Parsed, type Where } from '../located.js';
import { parseBlocks, type Stmt } from './blocks.js';
import type { KeptStmt } from './keepalived.js';

export interface CorosyncConf {
  /** 1: the whitetank file (compatibility, aisexec, service, interface members); 3: a nodelist (2.x files read the same) */
  version: 1 | 3;
  clusterName?: string;
  transport?: 'udpu' | 'udp' | 'knet';
  secauth?: boolean;
  /** crypto_cipher/crypto_hash other than none (corosync 2+) */
  crypto?: boolean;
  tokenMs?: number;
  mcastport?: number;
  ttl?: number;
  bindnetaddr?: string;
  members: string[];
  nodes: { name?: string; address: string; nodeid?: number }[];
  twoNode?: boolean;
  logging: { toLogfile?: boolean; logfile?: string; toSyslog?: boolean; debug?: boolean; timestamp?: boolean };
  pacemakerService: boolean;
  /** where each understood key was read, by `section.key` */
  where: Map<string, Where>;
  kept: KeptStmt[];
}

const bool = (v: string) => (['on', 'yes', '1', 'true'].includes(v) ? true : ['off', 'no', '0', 'false'].includes(v) ? false : undefined);

/** `key: value` as corosync reads it; the value may have blanks (`name: pacemaker`). */
function keyValue(s: Stmt): { key: string; value: string } | undefined {
  const first = s.words[0]?.text ?? '';
  if (!first.endsWith(':')) {
    const colon = first.indexOf(':');
    if (colon < 0) return undefined;
    return { key: first.slice(0, colon), value: [first.slice(colon + 1), ...s.words.slice(1).map((w) => w.text)].join(' ').trim() };
  }
  return { key: first.slice(0, -1), value: s.words.slice(1).map((w) => w.text).join(' ') };
}

/** Keys hactl writes that carry nothing the stack decides (1.x: who corosync runs as; the AMF subsystem log). */
const FIXED = new Set(['compatibility', 'aisexec.user', 'aisexec.group', 'totem.version', 'totem.interface.ringnumber', 'totem.interface.linknumber', 'service.ver', 'service.name', 'logging.fileline', 'logging.logger_subsys.subsys', 'logging.logger_subsys.debug', 'quorum.provider', 'totem.crypto_hash', 'nodelist.node.nodeid', 'amf.mode']);

/** Reads corosync.conf 1.x (whitetank, udpu members) and 2.x/3.x (nodelist, votequorum). */
export function parseCorosync(text: string, file: string): Parsed<CorosyncConf> {
  const blocks = parseBlocks(text, file, { comment: '#', semicolons: false });
  const issues: Diagnostic[] = [...blocks.issues];
  const conf: CorosyncConf = { version: 1, members: [], nodes: [], logging: {}, pacemakerService: false, where: new Map(), kept: [] };
  const seen = new Map<string, { value: string; where: Where }>();
  let v1 = false;
  let v3 = false;

  const walk = (list: Stmt[], prefix: string) => {
    for (const s of list) {
      const where = at(file, s.line, s.column);
      if (s.block) {
        const name = (s.words[0]?.text ?? '').replace(/:$/, '');
        const path = prefix ? `${prefix}.${name}` : name;
        if (path === 'aisexec' || path === 'service') v1 = true;
        if (path === 'nodelist' || path === 'quorum') v3 = true;
        if (path === 'totem.interface.member') {
          const addr = s.block.map(keyValue).find((kv) => kv?.key === 'memberaddr')?.value;
          if (addr) conf.members.push(addr);
          v1 = true;
          continue;
        }
        if (path === 'nodelist.node') {
          const kvs = s.block.map(keyValue).filter((kv) => kv !== undefined);
          const get = (k: string) => kvs.find((kv) => kv.key === k)?.value;
          const address = get('ring0_addr');
          if (!address) issues.push(sourceError('import-syntax', where, 'nodelist node: expected ring0_addr'));
          else conf.nodes.push({ address, ...(get('name') ? { name: get('name') } : {}), ...(get('nodeid') ? { nodeid: Number(get('nodeid')) } : {}) });
          for (const kv of kvs) if (!['ring0_addr', 'name', 'nodeid'].includes(kv.key)) conf.kept.push({ stmt: s, why: `the stack's nodes have no ${kv.key}` });
          continue;
        }
        if (path === 'service') {
          const name = s.block.map(keyValue).find((kv) => kv?.key === 'name')?.value;
          if (name === 'pacemaker') conf.pacemakerService = true;
          else conf.kept.push({ stmt: s, why: 'the stack loads only the pacemaker service plugin' });
        }
        walk(s.block, path);
        continue;
      }
      const kv = keyValue(s);
      if (!kv) {
        issues.push(sourceError('import-syntax', where, `expected "key: value", got "${s.words.map((w) => w.text).join(' ')}"`));
        continue;
      }
      const key = prefix ? `${prefix}.${kv.key}` : kv.key;
      const earlier = seen.get(key);
      if (earlier && earlier.value !== kv.value) {
        issues.push(sourceWarning('import-duplicate-key', where, `${key} is set twice (line ${earlier.where.line}: ${earlier.value}, here: ${kv.value}): corosync takes the last`));
      }
      seen.set(key, { value: kv.value, where });
      conf.where.set(key, where);
      if (!apply(conf, key, kv.value, where, issues) && !FIXED.has(key)) conf.kept.push({ stmt: s, why: `the stack's corosync section has no ${key}` });
      if (key === 'compatibility' || key === 'totem.interface.bindnetaddr') v1 = v1 || key === 'compatibility';
      if (key === 'totem.interface.linknumber' || key === 'totem.cluster_name' || kv.value === 'knet') v3 = true;
    }
  };
  walk(blocks.value, '');
  conf.version = v3 || !v1 ? 3 : 1;
  return { value: conf, issues };
}

function apply(conf: CorosyncConf, key: string, value: string, where: Where, issues: Diagnostic[]): boolean {
  const flag = (set: (b: boolean) => void) => {
    const b = bool(value);
    if (b === undefined) issues.push(sourceError('import-syntax', where, `${key}: expected on or off, got "${value}"`));
    else set(b);
    return true;
  };
  const int = (set: (n: number) => void) => {
    if (!/^\d+$/.test(value)) issues.push(sourceError('import-syntax', where, `${key}: expected a number, got "${value}"`));
    else set(Number(value));
    return true;
  };
  switch (key) {
    case 'totem.cluster_name':
      conf.clusterName = value;
      return true;
    case 'totem.transport':
      if (value !== 'udpu' && value !== 'udp' && value !== 'knet') {
        issues.push(sourceError('import-syntax', where, `totem.transport: expected udpu, udp or knet, got "${value}"`));
      } else conf.transport = value;
      return true;
    case 'totem.secauth':
      return flag((b) => (conf.secauth = b));
    case 'totem.crypto_cipher':
      conf.crypto = value !== 'none';
      return true;
    case 'totem.token':
      return int((n) => (conf.tokenMs = n));
    case 'totem.interface.mcastport':
      return int((n) => (conf.mcastport = n));
    case 'totem.interface.ttl':
      return int((n) => (conf.ttl = n));
    case 'totem.interface.bindnetaddr':
      conf.bindnetaddr = value;
      return true;
    case 'quorum.two_node':
      conf.twoNode = value === '1';
      return true;
    case 'logging.to_logfile':
      return flag((b) => (conf.logging.toLogfile = b));
    case 'logging.logfile':
      conf.logging.logfile = value;
      return true;
    case 'logging.to_syslog':
      return flag((b) => (conf.logging.toSyslog = b));
    case 'logging.debug':
      return flag((b) => (conf.logging.debug = b));
    case 'logging.timestamp':
      return flag((b) => (conf.logging.timestamp = b));
    default:
      return false;
  }
}
