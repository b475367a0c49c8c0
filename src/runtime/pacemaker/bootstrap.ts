import { CIB_PATH, CRM_SCRIPT_PATH } from '../../render/pacemaker/index.js';
import { RuntimeError } from '../errors.js';
import { mustRun, onEveryNode } from '../node-command.js';
import type { ClusterAccess } from '../runtime.js';
import { parseCrmMon } from './crm-mon.js';
import { SEED_DC_DEADTIME } from './seed-cib.js';

const POLL_MS = 500;

/** The CIB's version triple: it changes with every committed change, and only then. */
async function cibVersion(node: string, transport: Parameters<typeof mustRun>[1]): Promise<string> {
  const xml = await mustRun(node, transport, 'cibadmin --query | head -n 1');
  const attr = (name: string) => new RegExp(`\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? '?';
  return `${attr('admin_epoch')}.${attr('epoch')}.${attr('num_updates')}`;
}

/** Waits until one node is the DC and every node of the stack is a member (what seed 001 polls with `crm node status`). */
async function waitForDc(cluster: ClusterAccess, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const names = cluster.model.nodes.map((n) => n.name);
  let last = 'no node answered';
  for (;;) {
    const views = await onEveryNode(cluster, async (node, t) => parseCrmMon(await mustRun(node, t, 'crm_mon --output-as=xml', 10_000), node, cluster.model.cluster));
    const view = views.find((v) => v.value.dc?.length)?.value;
    if (view) {
      const online = view.nodes.filter((n) => n.state !== 'offline' && n.state !== 'unclean').map((n) => n.name);
      if (names.every((n) => online.includes(n))) return view.dc![0]!;
      last = `DC ${view.dc![0]}, members ${online.join(', ') || 'none'}`;
    } else if (views.length) last = 'no DC elected yet';
    if (Date.now() > deadline) throw new RuntimeError('runtime-not-ready', `Pacemaker did not form the cluster within ${Math.round(timeoutMs / 1000)} s (${last})`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * Loads the rendered configuration once the cluster has a DC: `crm configure load update` (the crm script) or
 * `cibadmin --replace` (cib.xml), on the DC, where the cluster-wide file was placed. Loading the same configuration
 * again commits nothing, which the CIB version shows; the returned lines say what happened.
 */
export async function bootstrapPacemaker(cluster: ClusterAccess, options: { timeoutMs: number }): Promise<string[]> {
  const dc = await waitForDc(cluster, options.timeoutMs);
  const useCib = cluster.model.pacemaker?.format === 'cib';
  const file = useCib ? CIB_PATH : CRM_SCRIPT_PATH;
  // the cluster-wide file sits on the node apply chose for it (every node on the lab): load it where it is
  const holders = await onEveryNode(cluster, async (node, t) => {
    if ((await t.exec(`test -f ${file}`)).code !== 0) throw new Error('absent');
    return node;
  });
  const via = holders.find((h) => h.node === dc)?.node ?? holders[0]?.node;
  if (!via) throw new RuntimeError('runtime-not-ready', `no node holds ${file}: apply the stack first`);
  const transport = cluster.nodes.get(via)!;
  const before = await cibVersion(via, transport);
  const command = useCib ? `cibadmin --replace --xml-file ${file}` : `crm configure load update ${file}`;
  await mustRun(via, transport, command, 120_000);
  const notes: string[] = [];
  // the seeded start-up shortcut goes once the stack's configuration is in, unless the stack asks for it
  if (!('dc-deadtime' in cluster.model.properties)) {
    const current = await transport.exec('crm_attribute --type crm_config --name dc-deadtime --query --quiet');
    if (current.code === 0 && current.stdout.trim() === SEED_DC_DEADTIME) {
      await mustRun(via, transport, 'crm_attribute --type crm_config --name dc-deadtime --delete');
      notes.push(`${via}: dc-deadtime ${SEED_DC_DEADTIME} of the seeded CIB removed (Pacemaker's default applies)`);
    }
  }
  const after = await cibVersion(via, transport);
  return [...notes,`${via}: ${command}: ${before === after ? 'configuration unchanged' : `CIB ${before} -> ${after}`} (DC ${dc})`];
}
