import { describe, expect, it } from 'vitest';
import { iptablesRenderer } from '../../src/render/iptables/index.js';
import { retarget } from '../../src/translate/index.js';
import { directives, expectGolden, fileOf, modelOf, render, stackInput, vrrpModern } from './render-variants.js';

const CENTOS = '/etc/sysconfig/iptables';

describe('iptables rules', async () => {
  const web = render(await modelOf(await stackInput('001-web-pacemaker-heartbeat')), iptablesRenderer);

  it('opens seed 001’s ports with the seed’s own rule lines (golden)', () => {
    for (const file of web) expectGolden('001-web-pacemaker-heartbeat', file);
    const lines = directives(fileOf(web, 's1', CENTOS).content);
    expect(lines).toEqual(
      expect.arrayContaining([
        '-A INPUT -p udp -m udp --dport 694 -j ACCEPT',
        '-A INPUT -m state --state NEW -m tcp -p tcp --dport 8080 -j ACCEPT',
        '-A INPUT -m state --state NEW -m tcp -p tcp --dport 8009 -j ACCEPT',
        '-A INPUT -m state --state NEW -m tcp -p tcp --dport 80 -j ACCEPT',
      ]),
    );
  });

  it('opens Samba’s ports for seed 001’s smb and nmb (clients reach the share on its VIP), on CentOS and once retargeted to Debian', async () => {
    const samba = ['-A INPUT -m state --state NEW -m tcp -p tcp --dport 139 -j ACCEPT', '-A INPUT -m state --state NEW -m tcp -p tcp --dport 445 -j ACCEPT', '-A INPUT -p udp -m udp --dport 137 -j ACCEPT', '-A INPUT -p udp -m udp --dport 138 -j ACCEPT'];
    expect(directives(fileOf(web, 's1', CENTOS).content)).toEqual(expect.arrayContaining(samba));
    const debian = render(await modelOf(retarget(await stackInput('001-web-pacemaker-heartbeat'), { platform: 'debian12' }).input!), iptablesRenderer);
    expect(directives(fileOf(debian, 's2', '/etc/iptables/rules.v4').content)).toEqual(expect.arrayContaining(samba));
  });

  it('is iptables-save shaped: filter table, chain policies, accept replies and loopback first, COMMIT', () => {
    const lines = directives(fileOf(web, 's2', CENTOS).content);
    expect(lines.slice(0, 7)).toEqual([
      '*filter',
      ':INPUT ACCEPT [0:0]',
      ':FORWARD ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      '-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT',
      '-A INPUT -p icmp -j ACCEPT',
      '-A INPUT -i lo -j ACCEPT',
    ]);
    expect(lines.at(-1)).toBe('COMMIT');
    expect(fileOf(web, 's2', CENTOS)).toMatchObject({ mode: '0600', service: { name: 'iptables', action: 'restart' } });
  });

  it('opens corosync, DRBD and memcached ports where the stacks use them', async () => {
    const rules = async (stack: string, node: string) => directives(fileOf(render(await modelOf(await stackInput(stack)), iptablesRenderer), node, CENTOS).content);
    expect(await rules('004-job-corosync-pacemaker', 'node1')).toContain('-A INPUT -p udp -m udp --dport 5404:5405 -j ACCEPT');
    expect(await rules('003-drbd-heartbeat-crm', 'host_s')).toContain('-A INPUT -m state --state NEW -m tcp -p tcp --dport 7789 -j ACCEPT');
    expect(await rules('000-memcached-heartbeat', 'sv1')).toContain('-A INPUT -m state --state NEW -m tcp -p tcp --dport 11211 -j ACCEPT');
    expect(await rules('002-vrrp-keepalived', 'lb2')).toContain('-A INPUT -p vrrp -j ACCEPT');
  });

  it('puts explicit rules before the implied ones and honours a DROP policy on debian12', async () => {
    const input = await vrrpModern();
    input.firewall = {
      defaultPolicy: 'DROP',
      rules: [
        { proto: 'tcp', dport: 22, source: '10.0.0.0/8', comment: 'admin "ssh"' },
        { proto: 'udp', action: 'DROP', chain: 'OUTPUT', dport: 53 },
      ],
    };
    const file = fileOf(render(await modelOf(input), iptablesRenderer), 'lb1', '/etc/iptables/rules.v4');
    const lines = directives(file.content);
    expect(lines.slice(1, 3)).toEqual([':INPUT DROP [0:0]', ':FORWARD DROP [0:0]']);
    const ssh = lines.indexOf(`-A INPUT -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -m comment --comment "admin \\"ssh\\"" -j ACCEPT`);
    expect(ssh).toBeGreaterThan(0);
    expect(lines[ssh + 1]).toBe('-A OUTPUT -p udp -m udp --dport 53 -j DROP');
    expect(lines.indexOf('-A INPUT -p vrrp -j ACCEPT')).toBeGreaterThan(ssh);
    expect(file.service).toEqual({ name: 'netfilter-persistent', action: 'restart' });
  });

  it('renders the same bytes twice', async () => {
    expect(render(await modelOf(await stackInput('001-web-pacemaker-heartbeat')), iptablesRenderer)).toEqual(web);
  });

  it('keeps a default-deny posture: SSH after what the stack needs, then REJECT for the rest (as RHEL ships it)', () => {
    const lines = directives(fileOf(web, 's1', CENTOS).content);
    expect(lines.slice(-4)).toEqual([
      '-A INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT',
      '-A INPUT -j REJECT --reject-with icmp-host-prohibited',
      '-A FORWARD -j REJECT --reject-with icmp-host-prohibited',
      'COMMIT',
    ]);
    expect(lines).not.toContain('-A INPUT -j ACCEPT');
  });

  it('opens SSH on the port the node’s ssh: uses, and on the guest side of a Vagrant forward', async () => {
    const input = await stackInput('001-web-pacemaker-heartbeat');
    input.nodes.s1!.ssh = { host: '192.0.2.10', port: 2200 };
    input.nodes.s2!.ssh = { host: '127.0.0.1', port: 2222 };
    const files = render(await modelOf(input), iptablesRenderer);
    expect(directives(fileOf(files, 's1', CENTOS).content)).toContain('-A INPUT -m state --state NEW -m tcp -p tcp --dport 2200 -j ACCEPT');
    // s2's forward maps host 2222 to guest 22
    expect(directives(fileOf(files, 's2', CENTOS).content)).toContain('-A INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT');
  });

  it('leaves the rest to the DROP policy with defaultPolicy DROP, and opens everything only when told ACCEPT', async () => {
    const input = await stackInput('001-web-pacemaker-heartbeat');
    const posture = async (defaultPolicy: 'DROP' | 'ACCEPT') => directives(fileOf(render(await modelOf({ ...input, firewall: { defaultPolicy } }), iptablesRenderer), 's1', CENTOS).content);
    const drop = await posture('DROP');
    expect(drop.slice(1, 3)).toEqual([':INPUT DROP [0:0]', ':FORWARD DROP [0:0]']);
    expect(drop).toContain('-A INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT');
    expect(drop.filter((l) => l.includes('REJECT'))).toEqual([]);
    const open = await posture('ACCEPT');
    expect(open.slice(1, 3)).toEqual([':INPUT ACCEPT [0:0]', ':FORWARD ACCEPT [0:0]']);
    expect(open.filter((l) => l.includes('REJECT'))).toEqual([]);
  });
});
