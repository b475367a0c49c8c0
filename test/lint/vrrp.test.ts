import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { keepalivedStack, lint, modelOf, pathsOf, severityOf } from './stacks.js';

type Vrrp = NonNullable<ClusterInput['vrrp']>[number];

const withInstance = (change: Partial<Vrrp>, stack = keepalivedStack()): ClusterInput => {
  stack.vrrp = [{ ...stack.vrrp![0]!, ...change }];
  return stack;
};

const vips = (count: number) => Array.from({ length: count }, (_, i) => `192.168.1.${100 + i}`);

describe('VRRP router id', () => {
  it('rejects a vrid outside 1..255', async () => {
    expect(await pathsOf(withInstance({ vrid: 0 }), 'vrrp-vrid-range')).toEqual(['vrrp[0].vrid']);
    expect(await pathsOf(withInstance({ vrid: 256 }), 'vrrp-vrid-range')).toEqual(['vrrp[0].vrid']);
  });

  it('rejects two instances with one vrid on the same segment', async () => {
    const stack = keepalivedStack();
    stack.vrrp!.push({ ...stack.vrrp![0]!, name: 'VI_2', vips: ['192.168.1.20'] });
    expect(await pathsOf(stack, 'vrrp-vrid-duplicate')).toEqual(['vrrp[1].vrid']);
  });

  it('accepts one vrid on different segments', async () => {
    const stack = keepalivedStack();
    stack.nodes = { lb1: { nics: { eth0: '192.168.1.11/24', eth1: '10.0.0.11/24' } }, lb2: { nics: { eth0: '192.168.1.12/24', eth1: '10.0.0.12/24' } } };
    stack.vrrp!.push({ ...stack.vrrp![0]!, name: 'VI_2', interface: 'eth1', vips: ['10.0.0.20'] });
    expect(await pathsOf(stack, 'vrrp-vrid-duplicate')).toEqual([]);
  });

  it('rejects a vrid another stack validated together uses on the same segment', async () => {
    const other = withInstance({ name: 'VI_9', vips: ['192.168.1.99'] });
    other.cluster = 'other';
    other.nodes = { lb8: { nics: { eth0: '192.168.1.18/24' } }, lb9: { nics: { eth0: '192.168.1.19/24' } } };
    other.vrrp![0]!.nodes = { lb8: { state: 'MASTER', priority: 150 }, lb9: { state: 'BACKUP', priority: 100 } };
    expect(await pathsOf(keepalivedStack(), 'vrrp-vrid-duplicate', { others: [await modelOf(other)] })).toEqual(['vrrp[0].vrid']);
  });

  it('accepts the same vrid in another stack on another segment', async () => {
    const other = keepalivedStack();
    other.cluster = 'other';
    other.nodes = { lb1: { nics: { eth0: '10.1.0.11/24' } }, lb2: { nics: { eth0: '10.1.0.12/24' } } };
    other.vrrp![0]!.vips = ['10.1.0.10'];
    expect(await pathsOf(keepalivedStack(), 'vrrp-vrid-duplicate', { others: [await modelOf(other)] })).toEqual([]);
  });
});

describe('VRRP roles', () => {
  it('rejects an instance without MASTER', async () => {
    const stack = withInstance({ nodes: { lb1: { state: 'BACKUP', priority: 150 }, lb2: { state: 'BACKUP', priority: 100 } } });
    expect(await pathsOf(stack, 'vrrp-master-count')).toEqual(['vrrp[0].nodes']);
  });

  it('rejects two MASTERs', async () => {
    const stack = withInstance({ nodes: { lb1: { state: 'MASTER', priority: 150 }, lb2: { state: 'MASTER', priority: 100 } } });
    expect(await pathsOf(stack, 'vrrp-master-count')).toEqual(['vrrp[0].nodes.lb2.state']);
  });

  it('rejects a BACKUP whose priority is not below the MASTER’s', async () => {
    const stack = withInstance({ nodes: { lb1: { state: 'MASTER', priority: 100 }, lb2: { state: 'BACKUP', priority: 100 } } });
    expect(await pathsOf(stack, 'vrrp-priority-order')).toEqual(['vrrp[0].nodes.lb2.priority']);
  });

  it('accepts seed 002’s MASTER 150 over BACKUP 100', async () => {
    expect(await pathsOf(keepalivedStack(), 'vrrp-priority-order')).toEqual([]);
    expect(await pathsOf(keepalivedStack(), 'vrrp-master-count')).toEqual([]);
  });
});

describe('VRRP authentication', () => {
  it('rejects a PASS password longer than 8 characters', async () => {
    expect(await pathsOf(keepalivedStack(), 'vrrp-pass-length', { env: { HACTL_VRRP_PASS: '123456789' } })).toEqual(['vrrp[0].auth.passFrom']);
  });

  it('accepts seed 002’s 4-character password and exactly 8 characters', async () => {
    expect(await pathsOf(keepalivedStack(), 'vrrp-pass-length', { env: { HACTL_VRRP_PASS: '1111' } })).toEqual([]);
    expect(await pathsOf(keepalivedStack(), 'vrrp-pass-length', { env: { HACTL_VRRP_PASS: '12345678' } })).toEqual([]);
  });

  it('rejects a password from an unset environment variable', async () => {
    expect(await pathsOf(keepalivedStack(), 'auth-secret-missing', { env: {} })).toEqual(['vrrp[0].auth.passFrom']);
  });

  it('keeps a long inline password out of the messages', async () => {
    const stack = withInstance({ auth: { type: 'PASS', passFrom: { value: 'much-too-long' } } });
    const diagnostics = await lint(stack);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['auth-inline-secret', 'vrrp-pass-length']);
    expect(JSON.stringify(diagnostics)).not.toContain('much-too-long');
  });
});

describe('VRRP addresses and timing', () => {
  it('warns that VIPs beyond 20 go to virtual_ipaddress_excluded on centos6', async () => {
    const stack = withInstance({ vips: vips(23) });
    expect(await pathsOf(stack, 'vrrp-many-vips')).toEqual(['vrrp[0].vips[20]']);
    expect(await severityOf(stack, 'vrrp-many-vips')).toEqual(['warning']);
  });

  it('accepts 20 VIPs on centos6 and 23 on debian12', async () => {
    expect(await pathsOf(withInstance({ vips: vips(20) }), 'vrrp-many-vips')).toEqual([]);
    const debian = withInstance({ vips: vips(23) });
    debian.platform = 'debian12';
    expect(await pathsOf(debian, 'vrrp-many-vips')).toEqual([]);
  });

  it('honours keepalived.maxVips', async () => {
    const stack = withInstance({ vips: vips(6) });
    stack.keepalived = { maxVips: 5 };
    expect(await pathsOf(stack, 'vrrp-many-vips')).toEqual(['vrrp[0].vips[5]']);
  });

  it('rejects a sub-second advert_int on VRRPv2 and accepts it on VRRPv3', async () => {
    expect(await pathsOf(withInstance({ advertInt: '500ms' }), 'vrrp-advert-int')).toEqual(['vrrp[0].advertInt']);
    expect(await pathsOf(withInstance({ advertInt: '500ms', version: 3 }), 'vrrp-advert-int')).toEqual([]);
    expect(await pathsOf(withInstance({ advertInt: '5ms', version: 3 }), 'vrrp-advert-int')).toEqual(['vrrp[0].advertInt']);
  });
});

describe('VRRP service checks (seed 002)', () => {
  it('rejects a track script that keepalived.scripts does not define', async () => {
    expect(await pathsOf(withInstance({ track: ['chk_httpd'] }), 'vrrp-unknown-script')).toEqual(['vrrp[0].track[0]']);
  });

  it('accepts a defined track script', async () => {
    const stack = withInstance({ track: ['chk_httpd'] });
    stack.keepalived = { scripts: { chk_httpd: { script: 'pidof httpd', interval: '2s' } } };
    expect(await pathsOf(stack, 'vrrp-unknown-script')).toEqual([]);
  });

  it('warns that an instance without track or notify scripts only checks the network', async () => {
    const stack = withInstance({ notify: undefined });
    expect(await pathsOf(stack, 'vrrp-service-check')).toEqual(['vrrp[0]']);
    expect(await severityOf(stack, 'vrrp-service-check')).toEqual(['warning']);
  });

  it('accepts an instance with a track script', async () => {
    const stack = withInstance({ notify: undefined, track: ['chk'] });
    stack.keepalived = { scripts: { chk: { script: '/usr/local/bin/chk' } } };
    expect(await pathsOf(stack, 'vrrp-service-check')).toEqual([]);
  });
});
