import { RuntimeError } from '../errors.js';
import { mustRun, onEveryNode } from '../node-command.js';
import type { ClusterAccess } from '../runtime.js';
import { configurationFile, loadConfiguration } from './configuration.js';
import { parseCrmMon } from './crm-mon.js';
import { SEED_DC_DEADTIME } from './seed-cib.js';

const POLL_MS = 500;

/** Waits until one node is the DC and every node of the stack is a member (what an operator polls with `crm node status` before loading a configuration). */
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
/**
 * Once the cluster has a DC with every node in it, loads the rendered configuration (where the cluster-wide file
 * was placed), the same way `apply` does: compared with the live CIB first, nothing committed when unchanged.
 */
export async function bootstrapPacemaker(cluster: ClusterAccess, options: { timeoutMs: number }): Promise<string[]> {
  const dc = await waitForDc(cluster, options.timeoutMs);
  const { path } = configurationFile(cluster.model);
  // the cluster-wide file sits on the node apply chose for it (every node on the lab): load it where it is
  const holders = await onEveryNode(cluster, async (node, t) => {
    const r = await t.exec(`cat ${path}`);
    if (r.code !== 0) throw new Error('absent');
    return { node, content: r.stdout };
  });
  const holder = holders.find((h) => h.node === dc) ?? holders[0];
  if (!holder) throw new RuntimeError('runtime-not-ready', `no node holds ${path}: apply the stack first`);
  const transport = cluster.nodes.get(holder.node)!;
  const lines = [`${await loadConfiguration(cluster.model, holder.node, transport, holder.value.content)} (DC ${dc})`];
  // the seeded start-up shortcut goes once the stack's configuration is in, unless the stack asks for it
  if (!('dc-deadtime' in cluster.model.properties)) {
    const current = await transport.exec('crm_attribute --type crm_config --name dc-deadtime --query --quiet');
    if (current.code === 0 && current.stdout.trim() === SEED_DC_DEADTIME) {
      await mustRun(holder.node, transport, 'crm_attribute --type crm_config --name dc-deadtime --delete');
      lines.push(`${holder.node}: dc-deadtime ${SEED_DC_DEADTIME} of the seeded CIB removed (Pacemaker's default applies)`);
    }
  }
  return lines;
}
