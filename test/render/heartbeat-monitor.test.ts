import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { heartbeatRenderer } from '../../src/render/heartbeat/index.js';
import { monitorScriptsRenderer } from '../../src/render/monitor-scripts/index.js';
import { missing } from '../support/env.js';
import { directives, expectGolden, fileOf, modelOf, render, stackInput } from './render-variants.js';

const SCRIPT = '/usr/local/sbin/ha-chk-memcached.sh';

describe('the memcached check of seed 000', async () => {
  const model = await modelOf(await stackInput('000-memcached-heartbeat'));
  const files = render(model, monitorScriptsRenderer);
  const text = fileOf(files, 'sv1', SCRIPT).content;

  it('is rendered on both nodes, executable, and checked as a shell script (golden)', () => {
    expect(files.map((f) => `${f.node}:${f.path}`)).toEqual([`sv1:${SCRIPT}`, `sv2:${SCRIPT}`]);
    for (const f of files) {
      expect(f).toMatchObject({ mode: '0755', checker: 'shell', service: { name: 'heartbeat', action: 'restart' } });
      expectGolden('000-memcached-heartbeat', f);
    }
  });

  it('is what ha.cf respawns', () => {
    expect(directives(fileOf(render(model, heartbeatRenderer), 'sv1', '/etc/ha.d/ha.cf').content)).toContain(`respawn root ${SCRIPT}`);
  });

  it('keeps the seed’s checks without telnet: VIP, pid file, `stats` answering STAT pid, then hb_standby', () => {
    const code = text.split('\n').filter((l) => !/^\s*#/.test(l));
    expect(code.filter((l) => /telnet/.test(l))).toEqual([]);
    expect(text).toContain("VIP='172.16.0.1'");
    expect(text).toContain("PIDFILE='/var/run/memcached/memcached.pid'");
    expect(text).toContain('/dev/tcp/$1/$2');
    expect(text).toContain('grep -q "^STAT pid "');
    expect(text).toContain("HB_STANDBY='/usr/lib64/heartbeat/hb_standby'");
    // the seed's STB_INTV=40 is the monitor interval; an idle node looks again after deadtime (the seed's INTERVAL=30)
    expect(text).toContain('CHECK_INTERVAL=40\nIDLE_INTERVAL=30\n');
  });

  it('calls Debian’s hb_standby on debian12', async () => {
    const debian = render(await modelOf({ ...(await stackInput('000-memcached-heartbeat')), platform: 'debian12' }), monitorScriptsRenderer);
    expect(fileOf(debian, 'sv1', SCRIPT).content).toContain("HB_STANDBY='/usr/share/heartbeat/hb_standby'");
  });

  it('checks http and tcp services too', async () => {
    const input = await stackInput('000-memcached-heartbeat');
    const group = input.resources![0]! as Extract<NonNullable<typeof input.resources>[number], { group: string }>;
    const withWeb = {
      ...input,
      resources: [{ ...group, members: [...group.members, { service: 'httpd', monitor: { kind: 'http' as const, url: 'http://172.16.0.1:8080/health' } }, { service: 'redis', monitor: { kind: 'tcp' as const, port: 6379 } }] }],
    };
    const out = render(await modelOf(withWeb), monitorScriptsRenderer);
    expect(fileOf(out, 'sv1', '/usr/local/sbin/ha-chk-httpd.sh').content).toContain("PORT=8080\n");
    expect(fileOf(out, 'sv1', '/usr/local/sbin/ha-chk-httpd.sh').content).toContain("URL_PATH='/health'");
    expect(fileOf(out, 'sv1', '/usr/local/sbin/ha-chk-redis.sh').content).toContain('PORT=6379\n');
  });

  it('is only rendered for heartbeat v1: Pacemaker monitors through its agents', async () => {
    expect(monitorScriptsRenderer.applies(await modelOf(await stackInput('001-web-pacemaker-heartbeat')))).toBe(false);
  });
});

const gap = missing({ root: true, tools: ['unshare', 'ip', 'timeout'] });

// a stand-in memcached: answers `stats` with STAT pid like the real one, and writes its pid file once listening
const fakeMemcached = (pidfile: string) =>
  `const net = require('net'); const fs = require('fs');
net.createServer((c) => c.on('data', (d) => {
  if (/stats/.test(d)) c.write('STAT pid ' + process.pid + '\\r\\nEND\\r\\n');
  if (/quit/.test(d)) c.end();
})).listen(11399, '172.16.0.1', () => fs.writeFileSync('${pidfile}', String(process.pid)));`;

describe.skipIf(gap)('the memcached check against a stand-in memcached in a private network namespace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hactl-monitor-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const model = await modelOf(await stackInput('000-memcached-heartbeat'));
  const script = fileOf(render(model, monitorScriptsRenderer), 'sv1', SCRIPT)
    .content.replace(/^PORT=.*$/m, 'PORT=11399')
    .replace(/^PIDFILE=.*$/m, `PIDFILE='${dir}/memcached.pid'`)
    .replace(/^CHECK_INTERVAL=.*$/m, 'CHECK_INTERVAL=0.3')
    .replace(/^IDLE_INTERVAL=.*$/m, 'IDLE_INTERVAL=0.3')
    .replace(/^HB_STANDBY=.*$/m, `HB_STANDBY='${dir}/hb_standby'`)
    .replace('logger -t "ha-chk-memcached" --', 'echo');
  writeFileSync(join(dir, 'check.sh'), script);
  writeFileSync(join(dir, 'hb_standby'), `#!/bin/sh\necho standby >> '${dir}/standby.log'\n`, { mode: 0o755 });
  writeFileSync(join(dir, 'memcached.js'), fakeMemcached(join(dir, 'memcached.pid')));
  // the namespace holds eth0 (no VIP yet), then the VIP and memcached, then memcached dies; the namespace ends with the shell
  writeFileSync(
    join(dir, 'scenario.sh'),
    `set -e
ip link set lo up
ip link add eth0 type veth peer name hactlmon0
ip link set eth0 up; ip link set hactlmon0 up
bash '${dir}/check.sh' > '${dir}/check.log' 2>&1 &
check=$!
sleep 1; echo "idle $(cat '${dir}/standby.log' 2>/dev/null | wc -l)"
ip addr add 172.16.0.1/24 dev eth0
'${process.execPath}' '${dir}/memcached.js' &
sleep 1.5; echo "healthy $(cat '${dir}/standby.log' 2>/dev/null | wc -l)"
kill "$(cat '${dir}/memcached.pid')"
sleep 3.5; echo "dead $(cat '${dir}/standby.log' 2>/dev/null | wc -l)"
kill -TERM "$check"; wait "$check" || true
echo "exit $?"
`,
  );
  const r = spawnSync('unshare', ['--net', '--pid', '--fork', 'sh', join(dir, 'scenario.sh')], { encoding: 'utf8', timeout: 30_000 });
  const report = r.stdout.split('\n').filter(Boolean);

  it('stays quiet on a node without the VIP', () => {
    expect(report[0], r.stderr).toBe('idle 0');
  });

  it('stays quiet while "memcached" answers on the VIP', () => {
    expect(report[1], readFileSync(join(dir, 'check.log'), 'utf8')).toBe('healthy 0');
  });

  it('calls hb_standby once memcached is gone', () => {
    expect(report[2]).toMatch(/^dead [1-9]$/);
    expect(existsSync(join(dir, 'standby.log'))).toBe(true);
  });

  it('ends on TERM without waiting out its sleep', () => {
    expect(report[3]).toBe('exit 0');
  });
});

