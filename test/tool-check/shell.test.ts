import { describe, expect, it } from 'vitest';
import { shellChecker } from '../../src/tool-check/checkers/shell.js';
import { runChecks } from '../../src/tool-check/run-checks.js';
import type { ClusterModel } from '../../src/model/model.js';
import { lsbRenderer } from '../../src/render/lsb/index.js';
import { monitorScriptsRenderer } from '../../src/render/monitor-scripts/index.js';
import { renderStack } from '../../src/render/render-stack.js';
import { missing } from '../support/env.js';
import { allVariants, env, modelOf, stackInput } from '../render/render-variants.js';

const skip = missing({ tools: ['bash', 'dash', 'shellcheck'] });

const renderScripts = (model: ClusterModel) => renderStack(model, { renderers: [lsbRenderer, monitorScriptsRenderer], env }).files;

async function checkFirst(stack: string, change: (text: string) => string) {
  const model = await modelOf(await stackInput(stack));
  const [file] = renderScripts(model);
  const [result] = await runChecks(model, [{ ...file!, content: change(file!.content) }], [shellChecker]);
  return result!;
}

describe.skipIf(skip)('shell checker (bash -n / dash -n, then shellcheck)', () => {
  it('accepts every init script and monitor script of every stack and variant, centos6 and debian12', async () => {
    const models = (await allVariants()).map((v) => v.model);
    for (const name of ['000-memcached-heartbeat', '001-web-pacemaker-heartbeat', '004-job-corosync-pacemaker']) {
      models.push(await modelOf({ ...(await stackInput(name)), platform: 'debian12', ...(name.startsWith('004') ? { pacemaker: { messaging: 'corosync' as const } } : {}) }));
    }
    let checked = 0;
    for (const model of models) {
      const results = await runChecks(model, renderScripts(model), [shellChecker]);
      checked += results.length;
      for (const r of results) expect(r, `${model.cluster} ${model.platform} ${r.node}:${r.path}: ${r.message}`).toMatchObject({ ok: true });
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('parses /bin/sh scripts with dash, as Debian runs them', async () => {
    const result = await checkFirst('004-job-corosync-pacemaker', (t) => t);
    expect(result.tool).toMatch(/^dash -n/);
  });

  it('rejects a syntax error with the shell’s message', async () => {
    const result = await checkFirst('000-memcached-heartbeat', (t) => t.replace(/\ndone\n$/, '\n'));
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/syntax error/);
    expect(result.message).toContain('/usr/local/sbin/ha-chk-memcached.sh');
  });

  it('rejects what shellcheck warns about', async () => {
    const result = await checkFirst('004-job-corosync-pacemaker', (t) => t.replace('prog=hoge', 'prog=hoge\nunused=1'));
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('SC2034');
  });
});
