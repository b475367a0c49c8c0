import { afterAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';
import { hactl, inLab, labNamespaces } from '../support/seed-lab.js';

// Seed 002 (keepalived VRRP, MASTER lb1 priority 150, BACKUP lb2 100, 23 VIPs, notify scripts), operated as its guide does.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'keepalived', 'ping'] });
const STACK = 'stacks/002-vrrp-keepalived.yaml';
const VIPS = ['192.168.1.10', ...Array.from({ length: 22 }, (_, i) => `192.168.1.${101 + i}`)];

const vipsOn = async (node: string) =>
  (await inLab(STACK, node, "ip -o -4 addr show dev eth0 | awk '{ split($4, a, \"/\"); print a[1] }'")).out.split('\n').filter((a) => VIPS.includes(a));
const notifiedState = async (node: string) => (await inLab(STACK, node, 'cat /run/keepalived-VI_1.state 2>/dev/null')).out;
/** The VIPs the client cannot ping. */
const unreachable = async () => (await inLab(STACK, 'client', `for ip in ${VIPS.join(' ')}; do ping -c1 -W1 "$ip" >/dev/null 2>&1 || echo "$ip"; done`)).out.split('\n').filter(Boolean);
/** Prints the host clock (ms) when VI_1's first VIP appears on (or leaves) a node. */
const watchVip = (node: string, present: boolean) =>
  inLab(STACK, node, `while ${present ? '!' : ''} ip -o -4 addr show dev eth0 | grep -q ' 192.168.1.10/'; do sleep 0.01; done; date +%s%3N`);

describe.skipIf(skip)('seed 002: keepalived VRRP with 23 VIPs', () => {
  afterAll(async () => {
    await hactl('down', STACK);
    expect(labNamespaces('vrrp')).toEqual([]);
  });

  it('comes up with every VIP on the MASTER lb1, announced in adverts on Debian 12 (keepalived 2.2 has no 20-address limit)', async () => {
    const up = await hactl('up', STACK);
    expect(up.exitCode, up.stderr).toBe(0);
    console.log(`${STACK}: ${(up.stdout + up.stderr).split('\n').find((l) => / is up/.test(l))}`);
    expect(up.stdout + up.stderr).toMatch(/translated: changed vrrp\[0\]\.vips\[20\]: VIPs 21-23 of VI_1: virtual_ipaddress_excluded → virtual_ipaddress/);
    expect(up.stdout).toMatch(/VI_1\s+192\.168\.1\.10\s+on lb1/);
    expect((await vipsOn('lb1')).sort()).toEqual([...VIPS].sort());
    expect(await vipsOn('lb2')).toEqual([]);
    expect(await unreachable()).toEqual([]);
  });

  it('ran notify_master (hoge.sh) on lb1 and notify_backup (hage.sh) on lb2', async () => {
    expect(await notifiedState('lb1')).toBe('MASTER');
    expect(await notifiedState('lb2')).toBe('BACKUP');
  });

  it('hands every VIP to lb2 when keepalived stops gracefully on lb1 (priority 0), lb2 running hoge.sh', async () => {
    const leaves = watchVip('lb1', false);
    const arrives = watchVip('lb2', true);
    await new Promise((r) => setTimeout(r, 1500)); // both watchers are polling
    const standby = await hactl('standby', '--stack', STACK, 'lb1');
    expect(standby.exitCode, standby.stderr).toBe(0);
    const ms = Number((await arrives).out) - Number((await leaves).out);
    console.log(`seed 002: keepalived stopped (SIGTERM) on lb1 -> VIP on lb2 ${ms} ms after it left lb1`);
    expect(ms).toBeLessThan(1500);
    expect((await vipsOn('lb2')).sort()).toEqual([...VIPS].sort());
    expect(await vipsOn('lb1')).toEqual([]);
    expect(await unreachable()).toEqual([]);
    expect(await notifiedState('lb2')).toBe('MASTER');
    const status = await hactl('status', '--stack', STACK);
    expect(status.stdout).toMatch(/VI_1.*lb2/);
    expect(status.stdout).toMatch(/keepalived is not running on lb1/);
  });

  it('gives the VIPs back to lb1 when it comes back (priority 150 preempts), lb2 running hage.sh', async () => {
    expect((await hactl('online', '--stack', STACK, 'lb1')).exitCode).toBe(0);
    const deadline = Date.now() + 15_000;
    while ((await vipsOn('lb1')).length < VIPS.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect((await vipsOn('lb1')).sort()).toEqual([...VIPS].sort());
    expect(await notifiedState('lb1')).toBe('MASTER');
    expect(await notifiedState('lb2')).toBe('BACKUP');
  });

  it('takes longer to fail over when keepalived is killed on lb1 (lb2 waits for 3 missed adverts), all 23 VIPs reachable', async () => {
    const run = await hactl('test', 'failover', STACK, '--fault', 'kill', '--timeout', '30');
    console.log(`seed 002: ${run.stdout.trim()}`);
    const ms = Number(/after (\d+) ms/.exec(run.stdout)?.[1]);
    expect(run.stdout, run.stderr).toMatch(/kill on lb1 -> answered from lb2 after \d+ ms/);
    expect(ms).toBeGreaterThan(2000);
    // test failover restarts lb1, which takes the VIPs back: every one answers again
    expect(await unreachable()).toEqual([]);
  });

  it('goes down without leaving a namespace behind', async () => {
    expect((await hactl('down', STACK)).exitCode).toBe(0);
    expect(labNamespaces('vrrp')).toEqual([]);
  });
});
