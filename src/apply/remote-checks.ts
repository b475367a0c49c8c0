import type { CheckerId } from '../render/artifact.js';
import { quote } from '../transport/shell.js';
import type { Transport } from '../transport/transport.js';

interface RemoteCheck {
  tool: string;
  binary: string;
  command: (path: string) => string;
  /** output meaning this version cannot check a given path (e.g. corosync 1.x has no -c) */
  unsupported?: RegExp;
}

// keepalived before 2.0 (CentOS 6) has no -t; corosync before 3.0 no -c.
const OLD_OPTIONS = /invalid option --|unrecognized option '|Unknown option -/;

// Only tools that judge a single file in isolation; heartbeat, crmsh and drbd configs need a running cluster or
// matching hostnames, and `hactl check` covers them before apply.
const CHECKS: Partial<Record<CheckerId, RemoteCheck>> = {
  keepalived: { tool: 'keepalived -t', binary: 'keepalived', command: (p) => `keepalived -t -e -f ${quote(p)}`, unsupported: OLD_OPTIONS },
  corosync: { tool: 'corosync -t', binary: 'corosync', command: (p) => `corosync -t -c ${quote(p)}`, unsupported: OLD_OPTIONS },
  cib: { tool: 'crm_verify', binary: 'crm_verify', command: (p) => `crm_verify --xml-file ${quote(p)}` },
  shell: {
    tool: 'sh -n',
    binary: 'sh',
    command: (p) => `if head -n1 ${quote(p)} | grep -q bash; then bash -n ${quote(p)}; else sh -n ${quote(p)}; fi`,
  },
  iptables: { tool: 'iptables-restore --test', binary: 'iptables-restore', command: (p) => `iptables-restore --test < ${quote(p)}` },
};

const NOT_INSTALLED = 127;

export const hasNodeCheck = (checker: CheckerId | undefined): boolean => !!checker && CHECKS[checker] !== undefined;

export type CheckOutcome =
  | { result: 'ok'; tool: string }
  | { result: 'skipped'; tool: string; reason: string }
  | { result: 'failed'; tool: string; output: string };

/** Runs the node's own tool on the staged temp file (a path as the transport's commands see it). */
export async function checkOnNode(transport: Transport, checker: CheckerId | undefined, tmpPath: string): Promise<CheckOutcome | undefined> {
  const check = checker ? CHECKS[checker] : undefined;
  if (!check) return undefined;
  if (!transport.nodeTools) return { result: 'skipped', tool: check.tool, reason: `${transport.target} is not the node itself: \`hactl check\` judges the files` };
  const r = await transport.exec(
    `PATH="$PATH:/usr/sbin:/sbin"; command -v ${check.binary} >/dev/null 2>&1 || exit ${NOT_INSTALLED}; ${check.command(tmpPath)} 2>&1`,
  );
  if (r.code === 0) return { result: 'ok', tool: check.tool };
  if (r.code === NOT_INSTALLED && !r.stdout.trim()) return { result: 'skipped', tool: check.tool, reason: `${check.binary} is not installed on ${transport.node}` };
  if (check.unsupported?.test(r.stdout)) return { result: 'skipped', tool: check.tool, reason: `this ${check.binary} cannot check a file by path` };
  return { result: 'failed', tool: check.tool, output: r.stdout.trim() || r.stderr.trim() || `exit ${r.code}` };
}
