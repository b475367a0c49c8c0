import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heartbeatChecker } from '../../src/tool-check/checkers/heartbeat.js';
import { runChecks } from '../../src/tool-check/run-checks.js';
import type { ClusterModel } from '../../src/model/model.js';
import type { RenderedFile } from '../../src/render/artifact.js';
import { heartbeatRenderer } from '../../src/render/heartbeat/index.js';
import { monitorScriptsRenderer } from '../../src/render/monitor-scripts/index.js';
import { renderStack } from '../../src/render/render-stack.js';
import { missing } from '../support/env.js';
import { allVariants, env, modelOf, stackInput } from '../render/render-variants.js';

const skip = missing({ root: true, tools: ['/usr/libexec/heartbeat/heartbeat', 'unshare', 'chroot', 'ip'] });

const renderHb = (model: ClusterModel) => renderStack(model, { renderers: [heartbeatRenderer, monitorScriptsRenderer], env }).files;
const heartbeatFiles = (files: RenderedFile[]) => files.filter((f) => f.checker === 'heartbeat');
const edit = (files: RenderedFile[], path: string, change: (text: string) => string) => files.map((f) => (f.path === path ? { ...f, content: change(f.content) } : f));

async function check(stack: string, path: string, change: (text: string) => string) {
  const model = await modelOf(await stackInput(stack));
  const files = edit(renderHb(model), path, change);
  const results = await runChecks(model, heartbeatFiles(files), [heartbeatChecker]);
  return results.filter((r) => r.path === path);
}

describe.skipIf(skip)('heartbeat checker (heartbeat 3 parses ha.cf and authkeys as each node)', () => {
  it('accepts ha.cf, authkeys and haresources of every stack and variant that runs heartbeat', async () => {
    const variants = (await allVariants()).filter((v) => heartbeatRenderer.applies(v.model));
    expect(variants.map((v) => v.name).sort()).toEqual(['000-memcached-heartbeat', '001-web-pacemaker-heartbeat', '003-debian12', '003-drbd-heartbeat-crm', 'vagrant-drbd', 'vagrant-web']);
    for (const v of variants) {
      const files = renderHb(v.model);
      const results = await runChecks(v.model, heartbeatFiles(files), [heartbeatChecker]);
      expect(results).toHaveLength(heartbeatFiles(files).length);
      for (const r of results) expect(r, `${v.name} ${r.node}:${r.path}: ${r.message}`).toMatchObject({ ok: true });
    }
  });

  it('poses as each node: seed 003’s host_m, a name `hostname` itself refuses', async () => {
    const results = await check('003-drbd-heartbeat-crm', '/etc/ha.d/ha.cf', (t) => t);
    expect(results.map((r) => [r.node, r.ok])).toEqual([
      ['host_m', true],
      ['host_s', true],
    ]);
  });

  it('rejects a bad directive with heartbeat’s message', async () => {
    const [bad] = await check('000-memcached-heartbeat', '/etc/ha.d/ha.cf', (t) => t.replace('keepalive 2', 'keepalivx 2'));
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toContain('Illegal directive [keepalivx]');
  });

  it('rejects a node that is not in its own ha.cf', async () => {
    const [bad] = await check('000-memcached-heartbeat', '/etc/ha.d/ha.cf', (t) => t.replace('node sv1\n', 'node sv3\n'));
    expect(bad!.message).toContain('Current node [sv1] not in configuration');
  });

  it('rejects an authkeys that names a missing key', async () => {
    const results = await check('001-web-pacemaker-heartbeat', '/etc/ha.d/authkeys', (t) => t.replace('auth 1', 'auth 2'));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results[0]!.message).toContain('Auth Key [2] not found');
  });

  it('rejects a bcast on a NIC the node does not have', async () => {
    const [bad] = await check('003-drbd-heartbeat-crm', '/etc/ha.d/ha.cf', (t) => t.replace('bcast eth2', 'bcast eth9'));
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toMatch(/eth9/);
  });

  it('lints haresources: unknown node, bad address, unknown script', async () => {
    const [bad] = await check('000-memcached-heartbeat', '/etc/ha.d/haresources', () => 'sv9 172.16.0.300/24/eth0 memcachd\n');
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toContain('sv9 is not a node line of ha.cf');
    expect(bad!.message).toContain('172.16.0.300 is not an IPv4 address');
    expect(bad!.message).toContain('resource script memcachd');
  });

  it('leaves nothing on the host: no pid file, no log', async () => {
    await check('000-memcached-heartbeat', '/etc/ha.d/ha.cf', (t) => t);
    expect(existsSync('/run/heartbeat.pid')).toBe(false);
    expect(existsSync('/var/log/ha-log')).toBe(false);
  });
});
