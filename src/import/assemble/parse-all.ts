import type { Diagnostic } from '../../diagnostics/index.js';
import type { AgentConfigDocument } from '../../agent/config/types.js';
import type { ClusterModel } from '../../model/model.js';
import { at, sourceError, sourceWarning } from '../located.js';
import { parseAuthkeys } from '../parse/authkeys.js';
import { parseCib } from '../parse/cib.js';
import { parseCorosync } from '../parse/corosync.js';
import { parseCrm } from '../parse/crm.js';
import { parseDrbd } from '../parse/drbd.js';
import { parseHaCf } from '../parse/ha-cf.js';
import { parseHaresources } from '../parse/haresources.js';
import { parseHosts } from '../parse/hosts.js';
import { parseIptables } from '../parse/iptables.js';
import { parseKeepalived } from '../parse/keepalived.js';
import { parseIfcfg, parseInterfaces, parseIpAddr } from '../parse/network.js';
import { decodeText } from '../parse/text.js';
import { classify } from '../source/classify.js';
import type { ImportSources, SourceFile } from '../source/types.js';
import type { Assembly, NodeConfig } from './context.js';

const errorsOf = (issues: readonly Diagnostic[]) => issues.some((i) => i.severity === 'error');

/** The text of a file, or undefined with a located import-binary error. */
function textOf(f: SourceFile, issues: Diagnostic[]): string | undefined {
  const decoded = decodeText(f.bytes, f.origin);
  issues.push(...decoded.issues);
  return decoded.value;
}

/** A rendered tree's model (cluster.json, model.json): only read for what no config file says. */
function hintModel(f: SourceFile, issues: Diagnostic[]): ClusterModel | undefined {
  if (!f.path.endsWith('cluster.json') && !f.path.endsWith('model.json')) return undefined;
  const text = textOf(f, issues);
  if (text === undefined) return undefined;
  try {
    const model = JSON.parse(text) as ClusterModel;
    return typeof model.cluster === 'string' && Array.isArray(model.nodes) ? model : undefined;
  } catch {
    issues.push({ ...sourceError('import-syntax', at(f.origin, 0), 'is not JSON'), severity: 'warning' });
    return undefined;
  }
}

/** /etc/hactl/agent.json: JSON whose shape the agent's schema gives; a file that is not JSON is located there. */
function parseAgentJson(text: string, file: string): { value: AgentConfigDocument; issues: Diagnostic[] } {
  try {
    const value = JSON.parse(text) as AgentConfigDocument;
    if (value && typeof value === 'object' && Array.isArray(value.nodes) && Array.isArray(value.groups) && value.auth) return { value, issues: [] };
    return { value, issues: [sourceError('import-syntax', at(file, 1), 'is not an agent configuration (nodes, links, auth, groups)')] };
  } catch (e) {
    return { value: {} as AgentConfigDocument, issues: [sourceError('import-syntax', at(file, 1), `is not JSON: ${(e as Error).message}`)] };
  }
}

/**
 * Reads every file with the parser its kind needs. A file whose parser reports an error is left out whole (its
 * errors are located there), so nothing half-understood reaches the stack.
 */
export function parseAll(sources: ImportSources): Assembly {
  const a: Assembly = { nodes: [], pacemaker: [], items: [], issues: [], secrets: [], consumed: new Set(), referenced: [] };
  for (const u of sources.unreadable) a.issues.push(u.warning ? sourceWarning('import-unreadable', at(u.origin, 0), u.reason) : sourceError('import-unreadable', at(u.origin, 0), u.reason));
  const parse = <T>(f: SourceFile, parser: (text: string, file: string) => { value: T; issues: Diagnostic[] }): { value: T; file: SourceFile } | undefined => {
    const text = textOf(f, a.issues);
    if (text === undefined) return undefined;
    const parsed = parser(text, f.origin);
    a.issues.push(...parsed.issues);
    return errorsOf(parsed.issues) ? undefined : { value: parsed.value, file: f };
  };
  const takeHint = (f: SourceFile) => {
    const model = hintModel(f, a.issues);
    if (model && !a.hint) a.hint = { model, file: f };
  };
  const cluster = (f: SourceFile) => {
    const kind = classify(f);
    if (kind === 'cib') {
      const p = parse(f, parseCib);
      if (p) a.pacemaker.push(p);
    } else if (kind === 'crm') {
      const p = parse(f, parseCrm);
      if (p) a.pacemaker.push(p);
    } else if (kind === 'hint') takeHint(f);
    else if (kind !== 'vagrant' && kind !== 'ignored') return false;
    return true;
  };
  for (const f of sources.hints) takeHint(f);
  for (const source of sources.nodes) {
    const node: NodeConfig = { name: source.name, drbd: [], pacemaker: [], nics: [], others: [], ...(source.ssh ? { ssh: source.ssh } : {}) };
    if (source.ipAddr) {
      const text = textOf(source.ipAddr, a.issues);
      if (text !== undefined) node.nics.push(...parseIpAddr(text));
    }
    for (const f of source.files) {
      if (f === source.ipAddr) continue;
      const kind = classify(f);
      switch (kind) {
        case 'ha.cf':
          node.haCf = parse(f, parseHaCf) ?? node.haCf;
          break;
        case 'haresources':
          node.haresources = parse(f, parseHaresources) ?? node.haresources;
          break;
        case 'authkeys': {
          const p = parse(f, parseAuthkeys);
          if (p?.value) node.authkeys = { value: p.value, file: f };
          break;
        }
        case 'keepalived':
          node.keepalived = parse(f, parseKeepalived) ?? node.keepalived;
          break;
        case 'corosync':
          node.corosync = parse(f, parseCorosync) ?? node.corosync;
          break;
        case 'corosync-authkey':
          node.corosyncAuthkey = f;
          break;
        case 'drbd': {
          const p = parse(f, parseDrbd);
          if (p) node.drbd.push(p);
          break;
        }
        case 'hosts':
          node.hosts = parse(f, parseHosts) ?? node.hosts;
          break;
        case 'iptables':
          node.iptables = parse(f, parseIptables) ?? node.iptables;
          break;
        case 'cib':
        case 'crm': {
          const p = parse(f, kind === 'cib' ? parseCib : parseCrm);
          if (p) node.pacemaker.push(p);
          break;
        }
        case 'ifcfg': {
          const text = textOf(f, a.issues);
          const fact = text === undefined ? undefined : parseIfcfg(text, f.path.split('/').at(-1)!);
          if (fact) node.nics.push(fact);
          break;
        }
        case 'interfaces': {
          const text = textOf(f, a.issues);
          if (text !== undefined) node.nics.push(...parseInterfaces(text));
          break;
        }
        case 'ip-addr': {
          const text = textOf(f, a.issues);
          if (text !== undefined) node.nics.push(...parseIpAddr(text));
          break;
        }
        case 'agent':
          node.agent = parse(f, parseAgentJson) ?? node.agent;
          break;
        case 'hint':
          takeHint(f);
          break;
        case 'ignored':
          break;
        default:
          node.others.push(f);
      }
    }
    a.nodes.push(node);
  }
  for (const f of sources.cluster) if (!cluster(f)) {
    // a file given for the whole cluster that is no Pacemaker configuration: every node has it (e.g. a shared keepalived.conf is per node, so refuse)
    a.issues.push(sourceError('import-bad-argument', at(f.origin, 0), `is not a cluster-wide configuration (cib.xml, crm configure show): give it with --node NAME ${f.origin}`));
  }
  return a;
}
