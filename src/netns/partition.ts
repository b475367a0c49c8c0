import { LabError } from './errors.js';
import type { LabLayout } from './layout.js';
import { findMember } from './layout.js';
import { netnsPath } from './names.js';
import { run } from './run.js';

export interface PartitionOptions {
  /** networks to cut; default every network */
  networks?: string[];
}

const TABLE = 'hactl_partition';

/**
 * A partition is cut at layer 2 in the switch namespace (nft bridge family, forward hook): ARP, broadcast,
 * multicast and VIP traffic are all dropped between groups, and nothing inside the nodes changes, so the
 * software under test cannot notice or undo it. Members in no group keep reaching everyone.
 */
function partitionRuleset(layout: LabLayout, groups: readonly (readonly string[])[], networks: ReadonlySet<string>): string {
  const portsOf = (group: readonly string[], network: string): string[] =>
    group.flatMap((name) => findMember(layout, name).nics.filter((n) => n.network === network).map((n) => `"${n.switchPort}"`));
  const rules: string[] = [];
  for (const network of networks) {
    groups.forEach((from, i) => groups.forEach((to, j) => {
      const src = portsOf(from, network);
      const dst = portsOf(to, network);
      if (i !== j && src.length > 0 && dst.length > 0) rules.push(`iifname { ${src.join(', ')} } oifname { ${dst.join(', ')} } drop`);
    }));
  }
  // Declaring then deleting the table makes the whole replacement one atomic transaction, first call or not.
  return [
    `table bridge ${TABLE}`,
    `delete table bridge ${TABLE}`,
    `table bridge ${TABLE} {`,
    '  chain forward {',
    '    type filter hook forward priority 0; policy accept;',
    ...rules.map((r) => `    ${r}`),
    '  }',
    '}',
    '',
  ].join('\n');
}

export async function partition(layout: LabLayout, groups: readonly (readonly string[])[], opts: PartitionOptions = {}): Promise<void> {
  const seen = new Set<string>();
  for (const name of groups.flat()) {
    findMember(layout, name);
    if (seen.has(name)) throw new LabError('lab-spec-invalid', `partition: ${name} is in two groups`);
    seen.add(name);
  }
  const networks = new Set(opts.networks ?? layout.networks.map((n) => n.name));
  for (const n of networks) {
    if (!layout.networks.some((net) => net.name === n)) throw new LabError('lab-spec-invalid', `partition: unknown network '${n}'`);
  }
  await run(['nsenter', `--net=${netnsPath(layout.switchNetns)}`, 'nft', '-f', '-'], { input: partitionRuleset(layout, groups, networks) });
}

export async function heal(layout: LabLayout): Promise<void> {
  await run(['nsenter', `--net=${netnsPath(layout.switchNetns)}`, 'nft', 'delete', 'table', 'bridge', TABLE], { allowFailure: true });
}
