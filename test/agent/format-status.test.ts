import { describe, expect, it } from 'vitest';
import { formatStatus } from '../../src/agent/status/format.js';
import type { AgentStatus } from '../../src/agent/status/status.js';

const status: AgentStatus = {
  cluster: 'memcached',
  node: 'sv2',
  generation: 1,
  seq: 10,
  phase: 'active',
  uptimeMs: 65_000,
  quorum: { quorate: true, votes: 2, expected: 2, policy: 'ignore', reason: 'two-node cluster' },
  nodes: [
    { name: 'sv1', self: false, status: 'up', phase: 'active', standby: true, pingReachable: 1, silentMs: 12, maxGapMs: 25, lateCount: 0, links: [{ link: 'eth1', status: 'up', silentMs: 12 }] },
    { name: 'sv2', self: true, status: 'up', phase: 'active', standby: false, pingReachable: 1, links: [] },
  ],
  links: [{ link: 'eth1', mode: 'ucast', local: '192.168.0.3', port: 694, destinations: ['192.168.0.2'] }],
  ping: [{ target: '172.16.0.254', state: 'reachable', silentMs: 300 }],
  groups: [
    {
      name: 'memcached',
      target: 'sv2',
      reason: 'stays on sv2 (auto_failback off)',
      runningOn: ['sv2'],
      states: { sv2: 'running' },
      disabled: false,
      members: [
        { id: 'lsb-memcached', class: 'lsb', state: 'started' },
        { id: 'ip-172.16.0.1', class: 'ipaddr2', state: 'started' },
      ],
    },
  ],
  failCounts: [{ node: 'sv1', resource: 'lsb-memcached', count: 1, lastAt: Date.UTC(2026, 0, 2, 3, 4, 5) }],
  failedActions: [{ node: 'sv1', resource: 'lsb-memcached', op: 'monitor', reason: 'not running', at: Date.UTC(2026, 0, 2, 3, 4, 5) }],
  drops: { mac: 3 },
  accepted: 100,
  process: { pid: 1, rss: 1, heapUsed: 1, external: 1, cpuUser: 1, cpuSystem: 1, loopDelayMaxMs: 1, sendGapMaxMs: 1 },
};

describe('formatStatus', () => {
  it('prints nodes, links, groups with their node, fail counts and failed actions like crm_mon', () => {
    const text = formatStatus(status);
    expect(text).toContain('Cluster memcached: answered by sv2 (active, up 65 s)');
    expect(text).toContain('Quorum: yes (two-node cluster; no-quorum-policy ignore)');
    expect(text).toMatch(/sv1\s+up \(standby\)\s+12 ms ago\s+ping 1\/1/);
    expect(text).toMatch(/sv2 -> sv1\s+eth1\s+up/);
    expect(text).toContain('  memcached: running on sv2');
    expect(text).toContain('target sv2: stays on sv2 (auto_failback off)');
    expect(text).toMatch(/lsb-memcached\s+lsb\s+started/);
    expect(text).toMatch(/Fail counts:\n\s+sv1\s+lsb-memcached\s+1\s+last 2026-01-02 03:04:05Z/);
    expect(text).toMatch(/Failed actions:\n\s+sv1\s+lsb-memcached_monitor\s+2026-01-02 03:04:05Z\s+not running/);
    expect(text).toContain('Dropped packets: mac 3');
  });

  it('flags a group active on two nodes', () => {
    const two = { ...status, groups: [{ ...status.groups[0]!, runningOn: ['sv1', 'sv2'], states: { sv1: 'running' as const, sv2: 'running' as const } }] };
    expect(formatStatus(two)).toContain('ACTIVE ON MORE THAN ONE NODE');
  });
});
