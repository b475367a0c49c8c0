import type { FirewallRuleModel } from '../../model/model.js';
import { iptComment } from '../escape/iptables.js';

/** One firewall.rules entry in iptables-save form; `path` is where the rule stands in the stack. */
export function explicitRule(rule: FirewallRuleModel, path: string): string {
  const parts = [`-A ${rule.chain}`];
  if (rule.source) parts.push(`-s ${rule.source}`);
  parts.push(`-p ${rule.proto}`);
  if (rule.dport !== undefined && (rule.proto === 'tcp' || rule.proto === 'udp')) parts.push(`-m ${rule.proto} --dport ${rule.dport}`);
  if (rule.comment) parts.push(`-m comment --comment ${iptComment(rule.comment, `${path}.comment`)}`);
  parts.push(`-j ${rule.action}`);
  return parts.join(' ');
}
