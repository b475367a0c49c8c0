import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/tool-check/run-checks.js';
import { vagrantChecker } from '../../src/tool-check/checkers/vagrant.js';
import { missing } from '../support/env.js';
import { modelOf, render, twoNodes, vagrantStacks } from '../provider/vagrant-fixtures.js';

const skip = missing({ tools: ['vagrant'] });
const scratch = mkdtempSync(join(tmpdir(), 'hactl-vagrant-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the generated Vagrantfile data', () => {
  it('is rendered as _vagrant/stack.json for every stack with a vagrant section', async () => {
    const stacks = await vagrantStacks();
    expect(stacks.map((s) => s.file)).toEqual(expect.arrayContaining(['001-web-pacemaker-heartbeat.yaml', 'vagrant-keepalived.yaml']));
    for (const { model } of stacks) expect(render(model).files.filter((f) => f.checker === 'vagrant').map((f) => `${f.node}${f.path}`)).toEqual(['_vagrant/stack.json']);
  });

  it.skipIf(skip)('passes vagrant validate for every stack with a vagrant section', async () => {
    for (const { file, model } of await vagrantStacks()) {
      const results = await runChecks(model, render(model).files, [vagrantChecker]);
      expect(results.map((r) => [file, r.ok, r.message ?? ''])).toEqual([[file, true, '']]);
    }
  }, 120_000);

  it.skipIf(skip)('fails the check with the hactl issue, before vagrant validate, for a port clash', async () => {
    const model = await modelOf(twoNodes({
      nodes: {
        lb1: { nics: { eth1: '10.231.9.11/24' }, forwardedPorts: [{ guest: 80, host: 8080 }] },
        lb2: { nics: { eth1: '10.231.9.12/24' }, forwardedPorts: [{ guest: 80, host: 8080 }] },
      },
    }));
    const [result] = await runChecks(model, render(model).files, [vagrantChecker]);
    expect(result?.ok).toBe(false);
    expect(result?.message).toContain('[vagrant-port-clash]');
  });
});
