import { describe, expect, it } from 'vitest';
import { HactlError } from '../../src/diagnostics/index.js';
import { apacheExtrasRenderer } from '../../src/render/apache/index.js';
import { heartbeatRenderer } from '../../src/render/heartbeat/index.js';
import { lsbRenderer } from '../../src/render/lsb/index.js';
import { monitorScriptsRenderer } from '../../src/render/monitor-scripts/index.js';
import { cibRenderer, crmshRenderer } from '../../src/render/pacemaker/index.js';
import { renderStack } from '../../src/render/render-stack.js';
import { allVariants, directives, env, expectGolden, fileOf, modelOf, render, stackInput } from './render-variants.js';

const HA_CF = '/etc/ha.d/ha.cf';

// seed 000, /etc/ha.d/ha.cf of sv1, verbatim (sv2 differs only in the ucast peer)
const seed000Sv1 = `
logfile        /var/log/ha-log

keepalive    2
deadtime    30
warntime    10
initdead    120

udpport        694
ucast        eth1 192.168.0.3

auto_failback    off
watchdog    /dev/watchdog

node        sv1
node        sv2

ping        172.16.0.254

##respawn        hacluster /usr/lib/heartbeat/ipfail
respawn        root /usr/local/sbin/ha-chk-memcached.sh

apiauth        ipfail gid=haclient uid=hacluster`;

// seed 001, ha.cf (the same file on s1 and s2)
const seed001 = `
pacemaker on

debug 0
udpport 694
keepalive 2
warntime 7
deadtime 10
initdead 10
logfacility local1

ucast eth2 192.168.9.121
ucast eth2 192.168.9.122

ping 192.168.1.1

node s1
node s2

watchdog /dev/watchdog
respawn root /usr/lib64/heartbeat/ifcheckd`;

// seed 003, ha.cf of host_m and host_s
const seed003 = `
crm on
logfile /var/log/ha-log
logfacility local0
keepalive 3
deadtime 30
deadping 40
warntime 10
initdead 60
udpport 694
auto_failback off
bcast eth2
node host_m
node most_s
ping 192.168.1.254
respawn root /usr/lib/heartbeat/pingd -m 100 -d 5s -a default_ping_set`;

const sorted = (lines: string[]) => [...lines].sort();

/** The seed's lines with the deviations a test names (and explains) applied. */
function seedWith(seed: string, replace: Record<string, string | null>, add: string[] = []): string[] {
  const lines = directives(seed).flatMap((l) => (l in replace ? (replace[l] === null ? [] : [replace[l]!]) : [l]));
  return sorted([...lines, ...add]);
}

describe('heartbeat v1 files of seed 000', async () => {
  const files = render(await modelOf(await stackInput('000-memcached-heartbeat')), heartbeatRenderer);

  it('renders ha.cf, haresources and authkeys for sv1 and sv2 (golden)', () => {
    expect(files.map((f) => `${f.node}:${f.path}`).sort()).toEqual(
      ['sv1', 'sv2'].flatMap((n) => [`${n}:/etc/ha.d/authkeys`, `${n}:/etc/ha.d/ha.cf`, `${n}:/etc/ha.d/haresources`]),
    );
    for (const f of files) expectGolden('000-memcached-heartbeat', f);
  });

  it('has exactly the directives and values of the seed’s ha.cf on sv1', () => {
    expect(sorted(directives(fileOf(files, 'sv1', HA_CF).content))).toEqual(sorted(directives(seed000Sv1)));
  });

  it('points ucast at the peer: sv2’s ha.cf is the seed’s with the other address', () => {
    const seedSv2 = seed000Sv1.replace('ucast        eth1 192.168.0.3', 'ucast        eth1 192.168.0.2');
    expect(sorted(directives(fileOf(files, 'sv2', HA_CF).content))).toEqual(sorted(directives(seedSv2)));
  });

  it('sets udpport before the first media line, as heartbeat demands', () => {
    const lines = directives(fileOf(files, 'sv1', HA_CF).content);
    expect(lines.indexOf('udpport 694')).toBeLessThan(lines.findIndex((l) => l.startsWith('ucast ')));
  });

  it('lists the VIP first in haresources, on its NIC', () => {
    // The seed writes `sv1 memcached 172.16.0.1/24`. heartbeat starts haresources left to right, so the seed starts
    // memcached before its address exists, and without a NIC findif chose eth1 on sv2 (the seed's own ifconfig shows
    // the VIP on eth1:0). hactl keeps the stack's order (VIP first) and names the NIC; node and resources are the seed's.
    expect(directives(fileOf(files, 'sv1', '/etc/ha.d/haresources').content)).toEqual(['sv1 172.16.0.1/24/eth0 memcached']);
  });

  it('writes the seed’s crc authkeys, root-only and marked secret', () => {
    const authkeys = fileOf(files, 'sv2', '/etc/ha.d/authkeys');
    expect(authkeys.content).toBe('auth 1\n1 crc\n');
    expect(authkeys).toMatchObject({ mode: '0600', secret: true, service: { name: 'heartbeat', action: 'reload' } });
  });

  it('restarts heartbeat for ha.cf changes', () => {
    expect(fileOf(files, 'sv1', HA_CF)).toMatchObject({ mode: '0644', service: { name: 'heartbeat', action: 'restart' }, checker: 'heartbeat' });
  });

  it('renders the same bytes twice', async () => {
    expect(render(await modelOf(await stackInput('000-memcached-heartbeat')), heartbeatRenderer)).toEqual(files);
  });
});

describe('heartbeat crm mode (seeds 001 and 003)', async () => {
  const web = render(await modelOf(await stackInput('001-web-pacemaker-heartbeat')), heartbeatRenderer);
  const drbd = render(await modelOf(await stackInput('003-drbd-heartbeat-crm')), heartbeatRenderer);

  it('renders ha.cf and authkeys but no haresources (golden)', () => {
    expect(web.map((f) => f.path).sort()).toEqual(['/etc/ha.d/authkeys', '/etc/ha.d/authkeys', HA_CF, HA_CF]);
    for (const f of web) expectGolden('001-web-pacemaker-heartbeat', f);
    for (const f of drbd) expectGolden('003-drbd-heartbeat-crm', f);
  });

  it('keeps seed 001’s directives and values', () => {
    const expected = seedWith(
      seed001,
      // the stack sets initdead 20s: lint asks for initdead >= 2 x deadtime (10s), the seed's 10 would fail that
      { 'initdead 10': 'initdead 20' },
      // the model always says whether resources fail back; heartbeat accepts the line in crm mode too
      ['auto_failback off'],
    );
    for (const node of ['s1', 's2']) expect(sorted(directives(fileOf(web, node, HA_CF).content))).toEqual(expected);
  });

  it('keeps seed 003’s directives and values, with crm on, bcast and the pingd respawn', () => {
    const expected = seedWith(seed003, {
      // a typo in the seed: the second node is host_s everywhere else in the guide
      'node most_s': 'node host_s',
      // the seed's heartbeat 2.1 was an i386 build; the centos6 profile is x86_64 (/usr/lib64/heartbeat, as in seed 001)
      'respawn root /usr/lib/heartbeat/pingd -m 100 -d 5s -a default_ping_set': 'respawn root /usr/lib64/heartbeat/pingd -m 100 -d 5s -a default_ping_set',
    });
    for (const node of ['host_m', 'host_s']) expect(sorted(directives(fileOf(drbd, node, HA_CF).content))).toEqual(expected);
    expect(directives(fileOf(drbd, 'host_m', HA_CF).content)[0]).toBe('crm on');
  });

  it('writes the sha1 key from the environment', () => {
    expect(fileOf(web, 's1', '/etc/ha.d/authkeys').content).toBe('auth 1\n1 sha1 a-shared-cluster-key\n');
  });
});

describe('heartbeat on debian12 and other shapes', () => {
  it('takes helper paths from the profile and leaves pingd to Pacemaker 2’s ping clone', async () => {
    const model = await modelOf({ ...(await stackInput('003-drbd-heartbeat-crm')), platform: 'debian12', pacemaker: { messaging: 'heartbeat', syntax: '2' } });
    const lines = directives(fileOf(render(model, heartbeatRenderer), 'host_m', HA_CF).content);
    expect(lines.some((l) => l.includes('pingd'))).toBe(false);
    const web = await modelOf({ ...(await stackInput('001-web-pacemaker-heartbeat')), platform: 'debian12' });
    expect(directives(fileOf(render(web, heartbeatRenderer), 's1', HA_CF).content)).toContain('respawn root /usr/libexec/heartbeat/ifcheckd');
  });

  it('writes an mcast line with group, port, ttl and no loopback', async () => {
    const input = await stackInput('000-memcached-heartbeat');
    const model = await modelOf({ ...input, heartbeat: { ...input.heartbeat!, interconnect: { nic: 'eth1', mode: 'mcast', group: '239.0.0.43', port: 694, ttl: 1 } } });
    expect(directives(fileOf(render(model, heartbeatRenderer), 'sv1', HA_CF).content)).toContain('mcast eth1 239.0.0.43 694 1 0');
  });

  it('writes sub-second timings in ms', async () => {
    const input = await stackInput('000-memcached-heartbeat');
    const model = await modelOf({ ...input, heartbeat: { ...input.heartbeat!, keepalive: '500ms', warntime: '2s', deadtime: '3s', initdead: '10s' } });
    expect(directives(fileOf(render(model, heartbeatRenderer), 'sv1', HA_CF).content)).toContain('keepalive 500ms');
  });

  it('refuses sha256, which heartbeat’s authkeys does not know', async () => {
    const model = await modelOf({ ...(await stackInput('001-web-pacemaker-heartbeat')), auth: { method: 'sha256', keyFrom: { env: 'HACTL_AUTHKEY' } } });
    expect(() => render(model, heartbeatRenderer)).toThrow(HactlError);
    expect(() => render(model, heartbeatRenderer)).toThrow(/sha256/);
  });

  it('fails with auth-secret-missing when the key is not set, without printing any key', async () => {
    const model = await modelOf(await stackInput('001-web-pacemaker-heartbeat'));
    let thrown: unknown;
    try {
      renderStack(model, { renderers: [heartbeatRenderer], env: {} });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HactlError);
    expect((thrown as HactlError).code).toBe('auth-secret-missing');
  });
});

describe('determinism of the heartbeat, Pacemaker, LSB and Apache artifacts', () => {
  const renderers = [heartbeatRenderer, monitorScriptsRenderer, crmshRenderer, cibRenderer, lsbRenderer, apacheExtrasRenderer];

  it('renders every stack and variant twice to the same bytes and manifest', async () => {
    let files = 0;
    for (const v of await allVariants()) {
      const first = renderStack(v.model, { renderers, env });
      const second = renderStack(v.model, { renderers, env });
      expect(second.manifest, v.name).toEqual(first.manifest);
      expect(second.files.map((f) => f.content)).toEqual(first.files.map((f) => f.content));
      files += first.files.length;
    }
    expect(files).toBeGreaterThan(30);
  });
});
