import { isIP } from 'node:net';
import { AgentConfigError } from './errors.js';
import { readValue, type ConfigIssue } from './read.js';
import { checkReferences } from './references.js';
import { AgentConfigSchema } from './schema.js';
import type { AgentAuth, AgentConfig, AgentPing, AgentQuorum, AgentResource, AgentTimings } from './types.js';

/** Validates a parsed JSON document and fills in defaults; throws AgentConfigError listing every issue. */
export function parseAgentConfig(doc: unknown, source = 'agent config'): AgentConfig {
  const issues: ConfigIssue[] = [];
  if (!isObject(doc)) {
    readValue(AgentConfigSchema, doc, issues);
    throw new AgentConfigError(source, issues);
  }
  const { $schema: _ignored, ...config } = readValue(AgentConfigSchema, doc, issues) as AgentConfig & { $schema?: unknown };
  resolve(config, doc.auth, issues);
  checkReferences(config, issues);
  if (issues.length > 0) throw new AgentConfigError(source, issues);
  return config;
}

// The schema leaves out the defaults that depend on other fields and the rules that tie fields together; they are
// here. A computed field (Computed() in schema.ts) arrives undefined when the document left it out or got it wrong.
function resolve(c: AgentConfig, auth: unknown, issues: ConfigIssue[]): void {
  const fail = (path: string, message: string): void => void issues.push({ path, message });

  // Only a keyed method needs the key; a document without an auth object has been told so already.
  if (c.auth.method !== 'crc' && isObject(auth) && auth.key === undefined) fail('auth.key', 'is required');
  (c.auth as Partial<AgentAuth>).key ??= '';

  const t: Partial<AgentTimings> & Pick<AgentTimings, 'keepaliveMs'> = c.timings;
  t.deadtimeMs ??= Math.max(3000, t.keepaliveMs * 3);
  t.warntimeMs ??= Math.min(t.deadtimeMs, Math.max(t.keepaliveMs * 2, 2));
  t.initdeadMs ??= t.deadtimeMs * 2;
  const { keepaliveMs, warntimeMs, deadtimeMs, initdeadMs } = c.timings;
  if (keepaliveMs >= deadtimeMs) fail('timings.keepaliveMs', `keepaliveMs (${keepaliveMs}) must be below deadtimeMs (${deadtimeMs})`);
  if (warntimeMs > deadtimeMs) fail('timings.warntimeMs', `warntimeMs (${warntimeMs}) must not exceed deadtimeMs (${deadtimeMs})`);
  if (warntimeMs <= keepaliveMs) fail('timings.warntimeMs', `warntimeMs (${warntimeMs}) must exceed keepaliveMs (${keepaliveMs})`);
  if (initdeadMs < deadtimeMs) fail('timings.initdeadMs', `initdeadMs (${initdeadMs}) must be at least deadtimeMs (${deadtimeMs})`);

  const p: Partial<AgentPing> & Pick<AgentPing, 'targets' | 'intervalMs'> = c.ping;
  if (p.minReachable !== undefined && p.minReachable > p.targets.length) fail('ping.minReachable', `must be <= ${p.targets.length}`);
  if (p.deadMs !== undefined && p.deadMs < p.intervalMs) fail('ping.deadMs', `must be >= ${p.intervalMs}`);
  p.minReachable ??= p.targets.length > 0 ? 1 : 0;
  p.deadMs ??= p.intervalMs * 3;

  (c.quorum as Partial<AgentQuorum>).expectedVotes ??= c.nodes.length;

  c.links.forEach((l, i) => {
    if (l.group && !isMulticast(l.group)) fail(`links[${i}].group`, 'must be a multicast address (224.0.0.0/4)');
    if (l.mode === 'mcast' && l.group === undefined) fail(`links[${i}].group`, 'is required for mcast links');
  });

  c.groups.forEach((g, i) => g.members.forEach((m, j) => checkResource(m, `groups[${i}].members[${j}]`, fail)));
}

function checkResource(m: AgentResource, path: string, fail: (path: string, message: string) => void): void {
  if (m.class === 'ipaddr2') {
    const max = isIP(m.ip) === 6 ? 128 : 32;
    if (m.cidr > max) fail(`${path}.cidr`, `must be <= ${max}`);
  }
  if (m.class === 'exec') {
    if (m.run === undefined && m.start === undefined) fail(`${path}.start`, 'needs `run` (supervised) or `start`');
    if (m.run !== undefined && m.start !== undefined) fail(`${path}.start`, 'give either `run` or `start`, not both');
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isMulticast(addr: string): boolean {
  const first = Number(addr.split('.')[0]);
  return isIP(addr) === 4 && first >= 224 && first <= 239;
}
