import { error, warning, type Diagnostic } from '../../diagnostics/index.js';
import type { ClusterModel, NodeModel } from '../../model/model.js';
import { sshPort } from '../../render/iptables/ssh.js';
import type { Check } from '../check.js';

const rendersRules = (model: ClusterModel) => model.firewall.implied || model.firewall.rules.length > 0;

/**
 * What a new SSH connection to the node meets, rule by rule as iptables walks INPUT: an ACCEPT that matches it
 * (from anywhere or from some sources: a path exists), a DROP/REJECT for every source (locked out), or nothing,
 * and then the implied SSH rule or the posture decides. Returns the path of the finding when nothing lets it in.
 */
function lockout(model: ClusterModel, node: NodeModel): { path: string; why: string } | undefined {
  const port = sshPort(node);
  for (const [i, rule] of model.firewall.rules.entries()) {
    if (rule.chain !== 'INPUT' || rule.proto !== 'tcp' || (rule.dport !== undefined && rule.dport !== port)) continue;
    if (rule.action === 'ACCEPT') return undefined;
    if (rule.source === undefined) return { path: `firewall.rules[${i}]`, why: `this rule ${rule.action === 'DROP' ? 'drops' : 'rejects'} SSH (tcp/${port}) from everywhere before anything accepts it` };
  }
  if (model.firewall.implied || model.firewall.defaultPolicy === 'ACCEPT') return undefined;
  return { path: 'firewall.implied', why: `with implied off, no rule accepts SSH (tcp/${port}) and the ${model.firewall.defaultPolicy} posture refuses it` };
}

/** Applying a firewall that refuses SSH cuts the operator and `hactl apply` off the node they are configuring. */
export const checkFirewallLockout: Check = (model) => {
  if (!rendersRules(model)) return [];
  const byPath = new Map<string, { why: string; nodes: string[] }>();
  for (const node of model.nodes) {
    const found = lockout(model, node);
    if (!found) continue;
    const entry = byPath.get(found.path) ?? { why: found.why, nodes: [] };
    entry.nodes.push(node.name);
    byPath.set(found.path, entry);
  }
  const out: Diagnostic[] = [...byPath].map(([path, { why, nodes }]) => error('firewall-lockout', path, `${why}: applying it locks you out of ${nodes.join(', ')}`));
  if (model.firewall.defaultPolicy === 'ACCEPT') {
    out.push(warning('firewall-open', 'firewall.defaultPolicy', 'with defaultPolicy ACCEPT the node accepts everything no rule refuses: the rules open nothing that was closed'));
  }
  return out;
};
