import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { heartbeatStack, pathsOf, severityOf } from './stacks.js';

const withFirewall = (firewall: ClusterInput['firewall'], ssh?: NonNullable<ClusterInput['nodes'][string]['ssh']>): ClusterInput => {
  const stack = { ...heartbeatStack(), firewall };
  if (ssh) for (const node of Object.values(stack.nodes)) node.ssh = ssh;
  return stack;
};

describe('firewall lock-out', () => {
  it('accepts the default posture, which opens SSH itself', async () => {
    expect(await pathsOf(withFirewall(undefined), 'firewall-lockout')).toEqual([]);
    expect(await pathsOf(withFirewall({ defaultPolicy: 'DROP' }), 'firewall-lockout')).toEqual([]);
  });

  it('rejects an explicit rule that drops SSH for every source before the implied rule accepts it', async () => {
    const stack = withFirewall({ defaultPolicy: 'DROP', rules: [{ proto: 'udp', dport: 53 }, { proto: 'tcp', dport: 22, action: 'DROP' }] });
    expect(await pathsOf(stack, 'firewall-lockout')).toEqual(['firewall.rules[1]']);
    expect(await severityOf(stack, 'firewall-lockout')).toEqual(['error']);
  });

  it('follows the port the nodes’ ssh: uses', async () => {
    const rules = [{ proto: 'tcp' as const, dport: 22, action: 'DROP' as const }];
    expect(await pathsOf(withFirewall({ rules }, { host: 'h', port: 2200 }), 'firewall-lockout')).toEqual([]);
    expect(await pathsOf(withFirewall({ rules: [{ proto: 'tcp', action: 'REJECT' }] }, { host: 'h', port: 2200 }), 'firewall-lockout')).toEqual(['firewall.rules[0]']);
  });

  it('rejects implied rules turned off with a deny posture and no rule for SSH', async () => {
    const stack = withFirewall({ implied: false, defaultPolicy: 'DROP', rules: [{ proto: 'udp', dport: 694 }] });
    expect(await pathsOf(stack, 'firewall-lockout')).toEqual(['firewall.implied']);
  });

  it('accepts an SSH rule limited to an admin network, and a drop for other sources after it', async () => {
    const stack = withFirewall({
      implied: false,
      rules: [
        { proto: 'tcp', dport: 22, source: '10.0.0.0/8' },
        { proto: 'tcp', dport: 22, action: 'DROP' },
      ],
    });
    expect(await pathsOf(stack, 'firewall-lockout')).toEqual([]);
  });

  it('warns that defaultPolicy ACCEPT opens everything', async () => {
    const stack = withFirewall({ defaultPolicy: 'ACCEPT' });
    expect(await pathsOf(stack, 'firewall-open')).toEqual(['firewall.defaultPolicy']);
    expect(await severityOf(stack, 'firewall-open')).toEqual(['warning']);
  });
});
