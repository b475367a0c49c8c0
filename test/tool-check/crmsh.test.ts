import { describe, expect, it } from 'vitest';
import { crmshChecker } from '../../src/tool-check/checkers/crmsh.js';
import { runChecks } from '../../src/tool-check/run-checks.js';
import type { ClusterModel } from '../../src/model/model.js';
import { lsbRenderer } from '../../src/render/lsb/index.js';
import { crmshRenderer } from '../../src/render/pacemaker/index.js';
import { renderStack } from '../../src/render/render-stack.js';
import { missing } from '../support/env.js';
import { allVariants, env, modelOf, stackInput } from '../render/render-variants.js';

const skip = missing({ root: true, tools: ['crm', 'cibadmin', 'crm_verify', 'unshare'] });

// the LSB renderer rides along: crmsh reads the headers of the stack's own init scripts
const renderCrm = (model: ClusterModel) => renderStack(model, { renderers: [crmshRenderer, lsbRenderer], env }).files;

async function checkScript(stack: string, change: (text: string) => string, override: object = {}) {
  const model = await modelOf({ ...(await stackInput(stack)), ...override });
  const files = renderCrm(model).map((f) => (f.checker === 'crmsh' ? { ...f, content: change(f.content) } : f));
  const [result] = await runChecks(model, files, [crmshChecker]);
  return result!;
}

describe.skipIf(skip)('crmsh checker (crm configure on an empty CIB, then crm_verify)', () => {
  it('accepts the crm script of every stack and variant, in Pacemaker 1.0 and 2 syntax', async () => {
    const variants = (await allVariants()).filter((v) => crmshRenderer.applies(v.model));
    expect(variants.map((v) => v.name).sort()).toEqual(['001-web-pacemaker-heartbeat', '003-debian12', '003-drbd-heartbeat-crm', '004-debian12', '004-debian12-udpu', '004-job-corosync-pacemaker', 'vagrant-drbd', 'vagrant-web']);
    for (const v of variants) {
      const [result] = await runChecks(v.model, renderCrm(v.model), [crmshChecker]);
      expect(result, `${v.name}: ${result?.message}`).toMatchObject({ ok: true });
      expect(result!.tool).toContain(v.model.pacemaker!.syntax === '1.0' ? 'pacemaker-1.0' : 'current-schema');
    }
  });

  it('says which agents it stood in for: seed 001’s Samba scripts are not on this host', async () => {
    const result = await checkScript('001-web-pacemaker-heartbeat', (t) => t);
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toContain('lsb:nmb stubbed');
  });

  it('rejects a misspelt resource agent with crmsh’s message', async () => {
    const result = await checkScript('001-web-pacemaker-heartbeat', (t) => t.replace('ocf:heartbeat:IPaddr2', 'ocf:heartbeat:IPadr2'));
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('ocf:heartbeat:IPadr2: got no meta-data');
  });

  it('rejects an unknown command', async () => {
    const result = await checkScript('003-drbd-heartbeat-crm', (t) => t.replace('colocation ', 'colocaton '));
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/colocaton/);
  });

  it('rejects a missing required parameter', async () => {
    const result = await checkScript('001-web-pacemaker-heartbeat', (t) => t.replace('params ip="192.168.1.101" ', 'params '));
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('required parameter "ip" not defined');
  });

  it('rejects a 1.0-era property in a Pacemaker 2 script with the schema’s complaint', async () => {
    const result = await checkScript('004-job-corosync-pacemaker', (t) => t.replace('property ', 'property expected-quorum-votes="2" '), {
      pacemaker: { messaging: 'corosync', syntax: '2' },
    });
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/schema|conform/i);
  });
});
