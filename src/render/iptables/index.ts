import type { Renderer } from '../artifact.js';
import { explicitRule } from './explicit.js';
import { impliedSections, type RuleSection } from './implied.js';

// debian12 loads rules.v4 through iptables-persistent's unit

// RHEL's own default file ends like this: policies stay ACCEPT, so flushing the rules never locks anyone out
const REJECT_REST: RuleSection = {
  title: 'everything else',
  rules: ['-A INPUT -j REJECT --reject-with icmp-host-prohibited', '-A FORWARD -j REJECT --reject-with icmp-host-prohibited'],
};

/**
 * iptables-save rules per node, default-deny: replies, icmp and loopback first, explicit rules next, then what the
 * model implies (SSH included), then REJECT (or the DROP policy) for the rest. This file replaces the distribution's
 * own default-deny one, so it must not open more than the stack needs.
 */
export const iptablesRenderer: Renderer = {
  id: 'iptables',
  description: 'iptables rules in iptables-save format (/etc/sysconfig/iptables, /etc/iptables/rules.v4)',
  applies: (model) => model.firewall.implied || model.firewall.rules.length > 0,
  render({ model, profile, templates }) {
    const posture = model.firewall.defaultPolicy;
    const policy = posture === 'DROP' ? 'DROP' : 'ACCEPT';
    return model.nodes.map((node) => {
      const sections: RuleSection[] = [
        { title: 'replies and loopback', rules: ['-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT', '-A INPUT -p icmp -j ACCEPT', '-A INPUT -i lo -j ACCEPT'] },
      ];
      if (model.firewall.rules.length) sections.push({ title: 'firewall.rules from the stack', rules: model.firewall.rules.map((r, i) => explicitRule(r, `firewall.rules[${i}]`)) });
      if (model.firewall.implied) sections.push(...impliedSections(model, node.name));
      if (posture === 'REJECT') sections.push(REJECT_REST);
      const view = { node: node.name, cluster: model.cluster, policy: { input: policy, forward: policy, output: 'ACCEPT' }, sections };
      return {
        node: node.name,
        path: profile.iptablesSaveFile,
        content: templates.render('iptables/rules', view),
        mode: '0600',
        owner: 'root:root',
        service: { name: profile.firewallService, action: 'restart' },
        checker: 'iptables',
      };
    });
  },
};
