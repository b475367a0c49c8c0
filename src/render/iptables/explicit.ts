import type { FirewallRuleModel } from '../../model/model.js';

/** One firewall.rules entry in iptables-save form. */
export function explicitRule(rule: FirewallRuleModel): string {
  const parts = [`-A ${rule.chain}`];
  if (rule.source) parts.push(`-s ${rule.source}`);
  parts.push(`-p ${rule.proto}`);
  if (rule.dport !== undefined && (rule.proto === 'tcp' || rule.proto === 'udp')) parts.push(`-m ${rule.proto} --dport ${rule.dport}`);
  if (rule.comment) parts.push(`-m comment --comment "${rule.comment.replace(/["\\]/g, "'").slice(0, 250)}"`);
  parts.push(`-j ${rule.action}`);
  return parts.join(' ');
}
