import { codes, type Diagnostic } from '../../diagnostics/index.js';
import { Cluster, type ClusterInput } from '../../model/cluster.js';
import type { PlatformName } from '../../model/model.js';
import { platformProfile } from '../../platform/profiles.js';
import type { ImportItem } from '../report.js';
import type { ImportSources } from '../source/types.js';
import type { Secret } from './context.js';
import { assembleAgent } from './agent.js';
import { assembleCorosync, corosyncKey } from './corosync.js';
import { assembleDrbd } from './drbd.js';
import type { Draft } from './draft.js';
import { assembleExtras } from './extras.js';
import { assembleHaresources, assembleHeartbeat } from './heartbeat.js';
import { assembleKeepalived } from './keepalived.js';
import { assembleNodes } from './nodes.js';
import { assemblePacemaker } from './pacemaker.js';
import { parseAll } from './parse-all.js';
import { guessPlatform } from './platform.js';
import { declareRoles } from './roles.js';
import type { SecretOptions } from './secrets.js';

export interface ImportOptions {
  secrets: SecretOptions;
  /** the cluster name when no file says it (corosync cluster_name, hactl's model) */
  name?: string;
  /** the platform when no file says it */
  platform?: PlatformName;
}

export interface ImportResult {
  /** undefined when nothing usable was read: then issues say why */
  input?: ClusterInput;
  items: ImportItem[];
  issues: Diagnostic[];
  /** values for the secrets file; never part of input, items or issues */
  secrets: Secret[];
}

/** Top-level keys in the schema's order, so the stack reads like the shipped ones. */
function inSchemaOrder(draft: Draft): ClusterInput {
  const order = Object.keys(Cluster.properties);
  return Object.fromEntries(Object.entries(draft).sort(([x], [y]) => order.indexOf(x) - order.indexOf(y))) as ClusterInput;
}

/** Existing configuration files of every node → one stack input, with a report line for what was not said as written. */
export function importStack(sources: ImportSources, options: ImportOptions): ImportResult {
  const a = parseAll(sources);
  // a file read wrong would make a wrong stack: any located error in the sources, and nothing is written
  if (a.issues.some((i) => i.severity === 'error')) return { items: a.items, issues: a.issues, secrets: [] };
  const usable = a.pacemaker.length > 0 || a.nodes.some((n) => n.haCf || n.keepalived || n.corosync || n.agent || n.pacemaker.length);
  if (!usable) {
    const what = a.nodes.length ? `read ${a.nodes.map((n) => n.name).join(', ')}` : 'read no node';
    a.issues.push({ code: 'import-nothing-usable', severity: 'error', message: `${what}: no ha.cf, keepalived.conf, corosync.conf or Pacemaker configuration that could be used`, hint: codes['import-nothing-usable'] });
    return { items: a.items, issues: a.issues, secrets: [] };
  }
  const platform = options.platform ?? guessPlatform(a);
  const profile = platformProfile(platform);
  const draft: Draft = { cluster: options.name ?? a.hint?.model.cluster ?? 'imported', runtime: 'heartbeat', platform, nodes: {} };
  draft.nodes = assembleNodes(a);
  const respawned = assembleHeartbeat(a, draft, profile, options.secrets);
  assembleCorosync(a, draft, profile);
  assemblePacemaker(a, draft, profile);
  if (draft.runtime === 'heartbeat') assembleHaresources(a, draft, respawned?.monitors ?? []);
  assembleKeepalived(a, draft, options.secrets);
  assembleDrbd(a, draft, profile);
  assembleAgent(a, draft, options.secrets);
  corosyncKey(a, draft, options.secrets);
  assembleExtras(a, draft);
  declareRoles(draft, a.hint?.model);
  if (draft.cluster === 'imported' && !options.name) a.items.push({ kind: 'assumed', rule: 'cluster-name', what: 'cluster name "imported"', path: 'cluster', why: 'no file names the cluster: pass --name' });
  return { input: inSchemaOrder(draft), items: a.items, issues: a.issues, secrets: a.secrets };
}
