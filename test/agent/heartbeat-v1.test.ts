import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heartbeatV1Config, HeartbeatV1Error, loadHeartbeatV1 } from '../../src/agent/heartbeat-v1/config.js';
import { parseHbTime } from '../../src/agent/heartbeat-v1/ha-cf.js';
import type { InterfaceTable } from '../../src/agent/udp/address.js';

const SEED = join(import.meta.dirname, 'fixtures', 'seed000');
/** every resource script is an init script, as on seed 000's nodes */
const initScripts = (p: string): boolean => p.startsWith('/etc/init.d/');

/** sv1's interfaces as in seed 000: eth0 service 172.16.0.2/24, eth1 interconnect 192.168.0.2/24. */
const sv1Interfaces = {
  eth0: [{ address: '172.16.0.2', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:01', internal: false, cidr: '172.16.0.2/24' }],
  eth1: [{ address: '192.168.0.2', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:02', internal: false, cidr: '192.168.0.2/24' }],
} as InterfaceTable;

async function files(node: 'sv1' | 'sv2') {
  const read = (f: string) => readFile(join(SEED, node, f), 'utf8');
  return { haCf: await read('ha.cf'), haresources: await read('haresources'), authkeys: await read('authkeys'), authkeysMode: 0o600 };
}

describe('heartbeat v1 compatibility (seed 000)', () => {
  it('builds the agent config of sv1 from ha.cf, haresources and authkeys', async () => {
    const { config, warnings } = heartbeatV1Config(await files('sv1'), { interfaces: sv1Interfaces, executable: initScripts });
    expect(config.nodes.map((n) => n.name)).toEqual(['sv1', 'sv2']);
    expect(config.links).toEqual([{ name: 'eth1', mode: 'ucast', iface: 'eth1', port: 694, ttl: 1, peers: ['192.168.0.3'] }]);
    expect(config.timings).toEqual({ keepaliveMs: 2000, warntimeMs: 10000, deadtimeMs: 30000, initdeadMs: 120000 });
    expect(config.autoFailback).toBe(false);
    expect(config.ping).toMatchObject({ targets: ['172.16.0.254'], minReachable: 1 });
    expect(config.auth).toEqual({ method: 'crc', key: '' });
    expect(config.log.file).toBe('/var/log/ha-log');
    expect(config.quorum.policy).toBe('ignore');
    expect(config.groups).toHaveLength(1);
    const g = config.groups[0]!;
    expect(g).toMatchObject({ name: 'memcached', preferred: 'sv1', migrationThreshold: 1 });
    // haresources order is start order: memcached first, then the VIP
    expect(g.members.map((m) => m.id)).toEqual(['script-memcached', 'ip-172.16.0.1']);
    expect(g.members[0]).toMatchObject({ class: 'heartbeat', name: 'memcached', path: '/etc/init.d/memcached', args: [] });
    expect(g.members[1]).toMatchObject({ class: 'ipaddr2', ip: '172.16.0.1', cidr: 24, nic: 'eth0' });
    const messages = warnings.map((w) => `${w.line} ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^12 watchdog: not supported/),
        expect.stringMatching(/^20 respawn .*ha-chk-memcached.sh: not run by the agent/),
        expect.stringMatching(/crc authenticates nothing/),
      ]),
    );
  });

  it('gives sv2 the other ucast peer, and the same group', async () => {
    const { config } = heartbeatV1Config(await files('sv2'), { interfaces: sv1Interfaces, executable: initScripts });
    expect(config.links[0]!.peers).toEqual(['192.168.0.2']);
    expect(config.groups[0]!.preferred).toBe('sv1');
  });

  it('names a script found in neither resource.d nor init.d, as heartbeat cannot locate it either', async () => {
    const run = async () => heartbeatV1Config(await files('sv1'), { interfaces: sv1Interfaces, executable: () => false, haDir: '/srv/ha.d' });
    await expect(run()).rejects.toThrow(/haresources:\d+: memcached: no executable resource script \/srv\/ha.d\/resource.d\/memcached or \/etc\/init.d\/memcached/);
  });

  it('prefers a script in /etc/ha.d/resource.d over the init script, as heartbeat does', async () => {
    const { config } = heartbeatV1Config(await files('sv1'), { interfaces: sv1Interfaces, executable: (p) => p === '/etc/ha.d/resource.d/memcached' || initScripts(p) });
    expect(config.groups[0]!.members[0]).toMatchObject({ path: '/etc/ha.d/resource.d/memcached' });
  });

  it('reads heartbeat v1 resource forms', () => {
    const haresources = [
      'sv1 IPaddr2::10.0.0.5/24/eth0:0 drbddisk::r0 \\',
      '    Filesystem::/dev/drbd0::/data::ext4::noatime httpd::extra MailTo::root',
    ].join('\n');
    const { config, warnings } = heartbeatV1Config(
      { haCf: 'node sv1 sv2\nbcast eth1\nkeepalive 500ms\ndeadtime 2\nauto_failback on\n', haresources, authkeys: 'auth 2\n2 sha1 s3cret\n' },
      { interfaces: {}, executable: initScripts },
    );
    expect(config.auth).toEqual({ method: 'sha1', key: 's3cret' });
    expect(config.links[0]).toMatchObject({ mode: 'bcast', iface: 'eth1' });
    expect(config.timings).toMatchObject({ keepaliveMs: 500, deadtimeMs: 2000 });
    expect(config.autoFailback).toBe(true);
    const g = config.groups[0]!;
    expect(g.name).toBe('r0');
    expect(g.members).toEqual([
      expect.objectContaining({ class: 'ipaddr2', ip: '10.0.0.5', cidr: 24, nic: 'eth0', label: 'eth0:0' }),
      expect.objectContaining({ class: 'drbd', resource: 'r0' }),
      expect.objectContaining({ class: 'filesystem', device: '/dev/drbd0', directory: '/data', fstype: 'ext4', options: 'noatime' }),
      expect.objectContaining({ class: 'heartbeat', name: 'httpd', args: ['extra'] }),
    ]);
    expect(warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/MailTo::root: resource type not supported/));
  });

  it('explains what cannot run, with file and line', () => {
    const run = () =>
      heartbeatV1Config(
        { haCf: 'node sv1\nkeepalive two\ncrm on\n', haresources: 'sv9 10.9.9.9\n', authkeys: 'auth 3\n1 sha1 x\n', authkeysMode: 0o644 },
        { interfaces: {}, executable: initScripts },
      );
    expect(run).toThrow(HeartbeatV1Error);
    try {
      run();
    } catch (err) {
      const msgs = (err as HeartbeatV1Error).issues.map((i) => `${i.file.split('/').pop()}:${i.line} ${i.message}`);
      expect(msgs).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^ha\.cf:2 keepalive: expected a time/),
          expect.stringMatching(/^ha\.cf:3 crm on: this ha\.cf runs a cluster resource manager/),
          expect.stringMatching(/^ha\.cf:0 no ucast, bcast or mcast/),
          expect.stringMatching(/^haresources:1 node "sv9" is not declared/),
          expect.stringMatching(/^haresources:1 10\.9\.9\.9: no interface on this host/),
          expect.stringMatching(/^authkeys:1 auth 3: no key line numbered 3/),
          expect.stringMatching(/^authkeys:0 mode 644: chmod 600/),
        ]),
      );
    }
  });

  it('parses heartbeat times in seconds or ms', () => {
    expect([parseHbTime('2'), parseHbTime('0.5'), parseHbTime('500ms'), parseHbTime('3s'), parseHbTime('x')]).toEqual([2000, 500, 500, 3000, undefined]);
  });

  it('loads a directory and refuses an authkeys readable by others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hactl-hav1-'));
    try {
      await cp(join(SEED, 'sv1'), dir, { recursive: true });
      // the VIP needs an interface whose subnet holds it, which this host lacks: spell the NIC out
      await writeFile(join(dir, 'haresources'), 'sv1 memcached 172.16.0.1/24/eth0\n');
      await chmod(join(dir, 'authkeys'), 0o600);
      const { config } = await loadHeartbeatV1(dir, { executable: initScripts });
      expect(config.groups[0]!.members[1]).toMatchObject({ nic: 'eth0', cidr: 24 });
      await chmod(join(dir, 'authkeys'), 0o644);
      await expect(loadHeartbeatV1(dir)).rejects.toThrow(/chmod 600/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
