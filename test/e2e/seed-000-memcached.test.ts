import { afterAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';
import { clientNode, hactl, inLab, labNamespaces, until } from '../support/seed-lab.js';

// Seed 000 (heartbeat v1, memcached behind a VIP, no failback), brought up on the lab and operated as its guide does.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'memcached', 'cl_status', 'ping'] });
const STACK = 'stacks/000-memcached-heartbeat.yaml';
const VIP = '172.16.0.1';

/** `stats` on the VIP from the client, as the guide's check does: the pid memcached reports, or '' when refused. */
const statsPid = () =>
  clientNode(STACK, `const s = require('node:net').connect(11211, '${VIP}'); let t = ''; s.setTimeout(3000, () => process.exit(3));
s.on('connect', () => s.write('stats\\r\\nquit\\r\\n')); s.on('data', (d) => { t += d; }); s.on('error', () => process.exit(3));
s.on('end', () => { const m = /STAT pid (\\d+)/.exec(t); process.stdout.write(m ? m[1] : ''); });`);

/** The pid of the memcached a node runs ('' when it runs none). */
const memcachedPid = async (node: string) => (await inLab(STACK, node, 'p=$(cat /var/run/memcached/memcached.pid 2>/dev/null) && kill -0 "$p" && echo "$p"')).out;
const rscstatus = async (node: string) => (await inLab(STACK, node, 'cl_status rscstatus')).out;

describe.skipIf(skip)('seed 000: memcached on heartbeat v1', () => {
  afterAll(async () => {
    await hactl('down', STACK);
    expect(labNamespaces('memcached')).toEqual([]);
  });

  it('comes up retargeted to Debian 12: the translations are printed and memcached answers on the VIP from sv1', async () => {
    const up = await hactl('up', STACK);
    expect(up.exitCode, up.stderr).toBe(0);
    console.log(`${STACK}: ${(up.stdout + up.stderr).split('\n').find((l) => / is up/.test(l))}`);
    expect(up.stdout + up.stderr).toMatch(/translated: .*centos6 → debian12/);
    expect(up.stdout).toMatch(/memcached\s+172\.16\.0\.1\s+on sv1/);
    const sv1 = await memcachedPid('sv1');
    expect(sv1).toMatch(/^\d+$/);
    expect(await statsPid()).toBe(sv1);
    expect(await memcachedPid('sv2')).toBe('');
    // the holder runs its own resources (cl_status: local), or all when it holds the peer's too
    expect(await rscstatus('sv1')).toMatch(/^(all|local)$/);
    // the guide's ping node answers inside the lab
    expect((await inLab(STACK, 'sv1', 'ping -c1 -W2 172.16.0.254 >/dev/null && echo ok')).out).toBe('ok');
  });

  it('moves the VIP and memcached to sv2 when memcached is stopped on sv1 (the monitor calls hb_standby)', async () => {
    expect((await inLab(STACK, 'sv1', '/etc/init.d/memcached stop')).code).toBe(0);
    const moved = await until(async () => [await statsPid(), await memcachedPid('sv2')], ([client, sv2]) => sv2 !== '' && client === sv2, 100_000, 1000);
    console.log(`seed 000: memcached stopped on sv1 -> stats answered from sv2 after ${moved.ms} ms`);
    expect(moved.value[0]).toBe(moved.value[1]);
    expect(await rscstatus('sv2')).toMatch(/^(all|local)$/);
    expect((await inLab(STACK, 'sv1', `ip -o -4 addr show | grep -c ' ${VIP}/' || true`)).out).toBe('0');
    expect((await hactl('status', '--stack', STACK)).stdout).toMatch(/memcached.*sv2/);
  });

  it('does not fail back when heartbeat on sv1 comes back (auto_failback off)', async () => {
    const before = await memcachedPid('sv2');
    expect((await hactl('chaos', STACK, 'kill-node', 'sv1')).exitCode).toBe(0);
    expect((await hactl('chaos', STACK, 'restart-node', 'sv1')).exitCode).toBe(0);
    const back = await until(() => hactl('status', '--stack', STACK), (s) => /sv1\s+online/.test(s.stdout), 60_000, 2000);
    expect(back.value.stdout).toMatch(/sv1\s+online/);
    await new Promise((r) => setTimeout(r, 10_000));
    expect(await statsPid()).toBe(before);
    expect(await memcachedPid('sv1')).toBe('');
    expect(await rscstatus('sv2')).toMatch(/^(all|local)$/);
  });

  it('fails over back to sv1 when memcached dies on sv2, and measures it', async () => {
    const run = await hactl('test', 'failover', STACK, '--fault', 'service', '--timeout', '100');
    console.log(`seed 000: ${run.stdout.trim()}`);
    expect(run.stdout, run.stderr).toMatch(/service on sv2 -> answered from sv1 after \d+ ms/);
    expect(await statsPid()).toBe(await memcachedPid('sv1'));
  });

  it('goes down without leaving a namespace behind', async () => {
    expect((await hactl('down', STACK)).exitCode).toBe(0);
    expect(labNamespaces('memcached')).toEqual([]);
  });
});
