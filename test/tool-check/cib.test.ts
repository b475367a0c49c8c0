import { describe, expect, it } from 'vitest';
import { cibChecker } from '../../src/tool-check/checkers/cib.js';
import { runChecks } from '../../src/tool-check/run-checks.js';
import type { ClusterModel } from '../../src/model/model.js';
import { cibRenderer } from '../../src/render/pacemaker/index.js';
import { missing } from '../support/env.js';
import { allVariants, modelOf, render, stackInput } from '../render/render-variants.js';

const skip = missing({ tools: ['xmllint', 'crm_verify'] });

async function checkCib(change: (text: string) => string, model?: ClusterModel) {
  const m = model ?? (await modelOf(await stackInput('003-drbd-heartbeat-crm')));
  const files = render(m, cibRenderer).map((f) => ({ ...f, content: change(f.content) }));
  const [result] = await runChecks(m, files, [cibChecker]);
  return result!;
}

describe.skipIf(skip)('cib checker (xmllint, then crm_verify --xml-file)', () => {
  it('accepts cib.xml of every stack and variant that asks for one, and of every Pacemaker stack', async () => {
    const variants = (await allVariants()).filter((v) => v.model.runtime === 'pacemaker');
    for (const v of variants) {
      const model = { ...v.model, pacemaker: { ...v.model.pacemaker!, format: 'both' as const } };
      const [result] = await runChecks(model, render(model, cibRenderer), [cibChecker]);
      expect(result, `${v.name}: ${result?.message}`).toMatchObject({ ok: true });
    }
  });

  it('rejects truncated XML with xmllint’s message (crm_verify alone half-parses it)', async () => {
    const result = await checkCib((t) => t.slice(0, t.indexOf('<constraints>')));
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/Premature end of data|EndTag|expected/);
  });

  it('rejects the seed’s heartbeat 2.1 master_slave with crm_verify’s schema message', async () => {
    const result = await checkCib((t) => t.replace('<master id="ms-drbd0">', '<master_slave id="ms-drbd0">').replace('</master>', '</master_slave>'));
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('master_slave');
  });

  it('rejects a constraint on a resource that does not exist', async () => {
    const result = await checkCib((t) => t.replace('rsc="fs0" with-rsc', 'rsc="fs9" with-rsc'));
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/fs9/);
  });
});
