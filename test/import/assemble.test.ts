import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/import/assemble/index.js';
import type { ImportSources, SourceFile } from '../../src/import/source/types.js';

const file = (node: string, path: string, text: string, mode = 0o644): SourceFile => ({ origin: `${node}${path}`, path, bytes: Buffer.from(text), mode });
const secrets = { mode: 'file' as const, dir: 'stack.secrets' };

function sources(nodes: Record<string, SourceFile[]>): ImportSources {
  return { nodes: Object.entries(nodes).map(([name, files]) => ({ name, files })), cluster: [], hints: [], unreadable: [] };
}

const haCf = (peer: string, extra = '') => `keepalive 2\ndeadtime 30\nudpport 694\nucast eth1 ${peer}\nauto_failback off\nnode sv1\nnode sv2\n${extra}`;
const ipAddr = (n: number) => `2: eth0    inet 10.0.0.${n}/24 scope global eth0\n3: eth1    inet 192.168.0.${n}/24 scope global eth1\n`;

const keepalived = (state: string, priority: number, pass: string) => `vrrp_instance VI_1 {\n  state ${state}\n  interface eth0\n  virtual_router_id 51\n  priority ${priority}\n  authentication {\n    auth_type PASS\n    auth_pass ${pass}\n  }\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

describe('importStack', () => {
  it('merges ha.cf of two nodes whose ucast lines name each other into one interconnect, without a conflict', () => {
    const r = importStack(sources({
      sv1: [file('sv1', '/etc/ha.d/ha.cf', haCf('192.168.0.2')), file('sv1', 'ip-addr.txt', ipAddr(1))],
      sv2: [file('sv2', '/etc/ha.d/ha.cf', haCf('192.168.0.1')), file('sv2', 'ip-addr.txt', ipAddr(2))],
    }), { secrets, name: 'c' });
    expect(r.issues.filter((i) => i.code === 'import-conflict')).toEqual([]);
    expect(r.input?.heartbeat?.interconnect).toEqual({ nic: 'eth1', port: 694 });
    expect(r.input?.nodes).toEqual({ sv1: { nics: { eth0: '10.0.0.1/24', eth1: '192.168.0.1/24' } }, sv2: { nics: { eth0: '10.0.0.2/24', eth1: '192.168.0.2/24' } } });
  });

  it('reports ha.cf files that disagree beyond the ucast peer with both values, and takes the first node’s', () => {
    const r = importStack(sources({
      sv1: [file('sv1', '/etc/ha.d/ha.cf', haCf('192.168.0.2')), file('sv1', 'ip-addr.txt', ipAddr(1))],
      sv2: [file('sv2', '/etc/ha.d/ha.cf', haCf('192.168.0.1').replace('deadtime 30', 'deadtime 60')), file('sv2', 'ip-addr.txt', ipAddr(2))],
    }), { secrets, name: 'c' });
    const conflicts = r.items.filter((i) => i.kind === 'conflict');
    expect(conflicts.map((c) => c.what)).toEqual(["deadtime: sv1 says 30s, sv2 says 60s; the stack takes sv1's"]);
    expect(conflicts[0]!.where).toEqual({ file: 'sv2/etc/ha.d/ha.cf', line: 2, column: 1 });
    expect(r.issues.map((i) => i.code)).toContain('import-conflict');
    expect(r.input?.heartbeat?.deadtime).toBe('30s');
  });

  it('merges keepalived instances by VRID with state and priority per node, and moves the password out', () => {
    const r = importStack(sources({
      lb1: [file('lb1', '/etc/keepalived/keepalived.conf', keepalived('MASTER', 150, 'secret1')), file('lb1', 'ip-addr.txt', ipAddr(11))],
      lb2: [file('lb2', '/etc/keepalived/keepalived.conf', keepalived('BACKUP', 100, 'secret1')), file('lb2', 'ip-addr.txt', ipAddr(12))],
    }), { secrets, name: 'k' });
    expect(r.input?.vrrp).toEqual([
      { name: 'VI_1', interface: 'eth0', vrid: 51, nodes: { lb1: { state: 'MASTER', priority: 150 }, lb2: { state: 'BACKUP', priority: 100 } }, vips: ['10.0.0.100/24'], auth: { type: 'PASS', passFrom: { file: 'stack.secrets/vrrp-VI_1.pass' } } },
    ]);
    expect(r.secrets).toMatchObject([{ name: 'vrrp-VI_1.pass', value: 'secret1', path: 'vrrp[0].auth.passFrom' }]);
    expect(JSON.stringify([r.input, r.items, r.issues])).not.toContain('secret1');
  });

  it('reports nodes whose passwords differ without showing either', () => {
    const r = importStack(sources({
      lb1: [file('lb1', '/etc/keepalived/keepalived.conf', keepalived('MASTER', 150, 'secret1'))],
      lb2: [file('lb2', '/etc/keepalived/keepalived.conf', keepalived('BACKUP', 100, 'secret2'))],
    }), { secrets, name: 'k' });
    const conflict = r.items.find((i) => i.kind === 'conflict');
    expect(conflict?.what).toBe("VI_1 auth_pass: lb1 says (value not shown), lb2 says (value not shown); the stack takes lb1's");
    expect(JSON.stringify([r.input, r.items, r.issues])).not.toMatch(/secret[12]/);
  });

  it('keeps a notify script the configuration names as an extra file with its mode', () => {
    const conf = keepalived('MASTER', 150, 'p').replace('  virtual_ipaddress', '  notify_master /etc/keepalived/up.sh\n  virtual_ipaddress');
    const r = importStack(sources({
      lb1: [file('lb1', '/etc/keepalived/keepalived.conf', conf), file('lb1', '/etc/keepalived/up.sh', '#!/bin/sh\nlogger up\n', 0o755)],
      lb2: [file('lb2', '/etc/keepalived/keepalived.conf', conf.replace('MASTER', 'BACKUP').replace('150', '100')), file('lb2', '/etc/keepalived/up.sh', '#!/bin/sh\nlogger up\n', 0o755)],
    }), { secrets, name: 'k' });
    expect(r.input?.files).toEqual([{ path: '/etc/keepalived/up.sh', mode: '0755', content: '#!/bin/sh\nlogger up\n' }]);
  });
});
