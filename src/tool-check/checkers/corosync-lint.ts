import { isIpv4 } from '../../model/network.js';

interface Section {
  name: string;
  line: number;
  keys: { key: string; value: string; line: number }[];
  children: Section[];
}

interface Rule {
  keys: string[];
  sections?: Record<string, Rule>;
  /** any key or subsection (e.g. qdevice settings) */
  open?: boolean;
  required?: string[];
}

const loggingKeys = ['timestamp', 'fileline', 'function_name', 'blackbox', 'to_stderr', 'to_logfile', 'to_syslog', 'logfile', 'logfile_priority', 'syslog_facility', 'syslog_priority', 'debug', 'tags'];
const totemTuning = ['token', 'token_retransmit', 'hold', 'token_retransmits_before_loss_const', 'join', 'send_join', 'consensus', 'merge', 'downcheck', 'fail_recv_const', 'seqno_unchanged_const', 'heartbeat_failures_allowed', 'max_network_delay', 'window_size', 'max_messages', 'miss_count_const', 'netmtu', 'clear_node_high_bit', 'nodeid', 'transport'];

/** corosync 1.4 (whitetank compatible), from corosync.conf(5) of that release. */
const v1: Rule = {
  keys: ['compatibility'],
  sections: {
    totem: {
      keys: ['version', 'secauth', 'threads', 'rrp_mode', 'vsftype', 'rrp_problem_count_timeout', 'rrp_problem_count_threshold', 'rrp_token_expired_timeout', ...totemTuning],
      required: ['version'],
      sections: { interface: { keys: ['ringnumber', 'bindnetaddr', 'mcastaddr', 'mcastport', 'broadcast', 'ttl'], required: ['ringnumber', 'bindnetaddr', 'mcastport'], sections: { member: { keys: ['memberaddr'], required: ['memberaddr'] } } } },
    },
    logging: { keys: loggingKeys, sections: { logger_subsys: { keys: ['subsys', ...loggingKeys], required: ['subsys'] } } },
    aisexec: { keys: ['user', 'group'] },
    service: { keys: ['name', 'ver', 'use_mgmtd', 'use_logd', 'clustername'], required: ['name'] },
    amf: { keys: ['mode'] },
    event: { keys: [], open: true },
    quorum: { keys: [], open: true },
    uidgid: { keys: ['uid', 'gid'] },
  },
};

/** corosync 3.1, from corosync.conf(5) and votequorum(5) as shipped in Debian 12. */
const v3: Rule = {
  keys: [],
  sections: {
    totem: {
      keys: [
        'version', 'cluster_name', 'crypto_model', 'crypto_hash', 'crypto_cipher', 'secauth', 'keyfile', 'key', 'link_mode', 'config_version', 'ip_version',
        'token_warning', 'token_coefficient', 'knet_compression_model', 'knet_compression_threshold', 'knet_compression_level', 'knet_pmtud_interval', 'knet_mtu',
        'block_unlisted_ips', 'cancel_token_hold_on_retransmit', ...totemTuning,
      ],
      required: ['version', 'cluster_name'],
      sections: {
        interface: {
          keys: ['linknumber', 'knet_link_priority', 'knet_ping_interval', 'knet_ping_timeout', 'knet_ping_precision', 'knet_pong_count', 'knet_transport', 'bindnetaddr', 'broadcast', 'mcastaddr', 'mcastport', 'ttl'],
        },
      },
    },
    logging: { keys: loggingKeys, sections: { logger_subsys: { keys: ['subsys', ...loggingKeys], required: ['subsys'] } } },
    quorum: {
      keys: ['provider', 'expected_votes', 'two_node', 'wait_for_all', 'last_man_standing', 'last_man_standing_window', 'auto_tie_breaker', 'auto_tie_breaker_node', 'allow_downscale', 'expected_votes_tracking'],
      sections: { device: { keys: [], open: true } },
    },
    nodelist: {
      keys: [],
      sections: { node: { keys: ['nodeid', 'name', 'quorum_votes', ...Array.from({ length: 8 }, (_, i) => `ring${i}_addr`)], required: ['ring0_addr', 'nodeid'] } },
    },
    system: { keys: ['qb_ipc_type', 'sched_rr', 'priority', 'move_to_root_cgroup', 'allow_knet_handle_fallback', 'state_dir'] },
    resources: { keys: [], open: true },
    nozzle: { keys: ['name', 'ipaddr', 'ipprefix', 'macaddr'] },
  },
};

const leftovers = new Set(['compatibility', 'aisexec', 'service', 'amf', 'event', 'member', 'memberaddr', 'ringnumber', 'threads', 'rrp_mode']);

const onOff = /^(on|off|yes|no)$/;
const valueChecks: Record<string, (v: string) => boolean> = {
  secauth: (v) => onOff.test(v),
  fileline: (v) => onOff.test(v),
  to_logfile: (v) => onOff.test(v),
  to_syslog: (v) => onOff.test(v),
  to_stderr: (v) => onOff.test(v),
  timestamp: (v) => onOff.test(v) || v === 'hires',
  debug: (v) => onOff.test(v) || v === 'trace',
  memberaddr: isIpv4,
  bindnetaddr: isIpv4,
  mcastaddr: isIpv4,
  mcastport: (v) => /^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536,
  ttl: (v) => /^\d+$/.test(v) && Number(v) <= 255,
  version: (v) => v === '2',
  ringnumber: (v) => /^\d$/.test(v),
  linknumber: (v) => /^\d$/.test(v),
  nodeid: (v) => /^\d+$/.test(v) && Number(v) > 0,
  two_node: (v) => v === '0' || v === '1',
  token: (v) => /^\d+$/.test(v),
};

/** corosync.conf's grammar: `name {`, `key: value`, `}`; `#` starts a comment only at the beginning of a line. */
export function parseCorosync(content: string): { root: Section; problems: string[] } {
  const root: Section = { name: '', line: 0, keys: [], children: [] };
  const stack = [root];
  const problems: string[] = [];
  for (const [i, raw] of content.split('\n').entries()) {
    const line = raw.trim();
    const n = i + 1;
    if (!line || line.startsWith('#')) continue;
    const open = /^([A-Za-z0-9_.-]+)\s*\{$/.exec(line);
    const pair = /^([A-Za-z0-9_.-]+)\s*:\s*(.*)$/.exec(line);
    if (open) {
      const section: Section = { name: open[1]!, line: n, keys: [], children: [] };
      stack.at(-1)!.children.push(section);
      stack.push(section);
    } else if (line === '}') {
      if (stack.length === 1) problems.push(`line ${n}: '}' closes nothing`);
      else stack.pop();
    } else if (pair) stack.at(-1)!.keys.push({ key: pair[1]!, value: pair[2]!.trim(), line: n });
    else problems.push(`line ${n}: cannot parse ${JSON.stringify(line)}`);
  }
  for (const s of stack.slice(1)) problems.push(`line ${s.line}: section ${s.name} is never closed`);
  return { root, problems };
}

function lintSection(section: Section, rule: Rule, version: 1 | 3, where: string, problems: string[]): void {
  const seen = new Map<string, number>();
  for (const { key, value, line } of section.keys) {
    if (seen.has(key)) problems.push(`line ${line}: ${key} repeats line ${seen.get(key)} (corosync keeps only the last)`);
    seen.set(key, line);
    if (!rule.open && !rule.keys.includes(key)) {
      const why = version === 3 && leftovers.has(key) ? 'a corosync 1.x leftover that corosync 3 silently ignores' : `not a corosync ${version === 1 ? '1.x' : '3'} key`;
      problems.push(`line ${line}: ${where}${key} is ${why}`);
    } else if (valueChecks[key] && !valueChecks[key](value)) problems.push(`line ${line}: ${where}${key}: invalid value ${JSON.stringify(value)}`);
  }
  for (const req of rule.required ?? []) if (!seen.has(req)) problems.push(`line ${section.line}: ${where || 'top level: '}missing ${req}`);
  for (const child of section.children) {
    const childRule = rule.sections?.[child.name];
    if (childRule) lintSection(child, childRule, version, `${where}${child.name}.`, problems);
    else if (!rule.open) {
      const why = version === 3 && leftovers.has(child.name) ? 'a corosync 1.x leftover that corosync 3 silently ignores' : `not a corosync ${version === 1 ? '1.x' : '3'} section here`;
      problems.push(`line ${child.line}: ${where}${child.name} { } is ${why}`);
    }
  }
}

const find = (s: Section, name: string) => s.children.filter((c) => c.name === name);
const value = (s: Section | undefined, key: string) => s?.keys.findLast((k) => k.key === key)?.value;

/** Structure, keys and values of a corosync.conf; the real corosync 3 checks the rest, 1.x files get only this. */
export function lintCorosync(content: string, version: 1 | 3): string[] {
  const { root, problems } = parseCorosync(content);
  if (problems.length) return problems;
  lintSection(root, version === 1 ? v1 : v3, version, '', problems);
  const totem = find(root, 'totem')[0];
  if (!totem) problems.push('no totem { } section');
  const transport = value(totem, 'transport') ?? (version === 1 ? 'udp' : 'knet');
  const iface = totem ? find(totem, 'interface')[0] : undefined;
  if (version === 1) {
    if (!iface) problems.push('totem has no interface { } section');
    else if (transport === 'udpu' && find(iface, 'member').length === 0) problems.push(`line ${iface.line}: transport udpu needs member { memberaddr } entries`);
    else if (transport === 'udp' && !value(iface, 'mcastaddr') && !value(iface, 'broadcast')) problems.push(`line ${iface.line}: transport udp needs mcastaddr`);
  } else {
    const nodes = find(root, 'nodelist').flatMap((l) => find(l, 'node'));
    if (nodes.length === 0) problems.push('corosync 3 needs a nodelist with at least one node');
    const ids = nodes.map((n) => value(n, 'nodeid'));
    if (new Set(ids).size !== ids.length) problems.push('nodelist: nodeid values repeat');
    if (!value(find(root, 'quorum')[0], 'provider')) problems.push('quorum { provider: corosync_votequorum } is missing');
    if (value(totem, 'crypto_cipher') && transport !== 'knet') problems.push(`crypto_cipher needs transport knet, not ${transport}`);
  }
  return problems;
}

/** bindnetaddr of a 1.x file must be the node's own address or the network of one of its NICs. */
export function bindnetaddrOf(content: string): string | undefined {
  const { root } = parseCorosync(content);
  const iface = find(root, 'totem').flatMap((t) => find(t, 'interface'))[0];
  return value(iface, 'bindnetaddr');
}
