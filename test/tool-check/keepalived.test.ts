import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepalivedChecker } from '../../src/tool-check/checkers/keepalived.js';
import { runChecks } from '../../src/tool-check/run-checks.js';
import { keepalivedRenderer } from '../../src/render/keepalived/index.js';
import { missing } from '../support/env.js';
import { allVariants, leftoverNetns, modelOf, render, vrrpModern, type Variant } from '../render/render-variants.js';

const skip = missing({ root: true, tools: ['keepalived', 'ip', 'unshare'] });

describe.skipIf(skip)('keepalived checker (keepalived -t in a network namespace)', () => {
  let variants: Variant[];
  beforeAll(async () => {
    variants = (await allVariants()).filter((v) => keepalivedRenderer.applies(v.model));
  });
  afterAll(() => expect(leftoverNetns()).toEqual([]));

  it('accepts keepalived.conf of every stack and variant', async () => {
    expect(variants.map((v) => v.name)).toEqual(expect.arrayContaining(['002-debian12', '002-vrrp-keepalived']));
    for (const v of variants) {
      const results = await runChecks(v.model, render(v.model, keepalivedRenderer), [keepalivedChecker]);
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) expect(r, `${v.name} ${r.node}: ${r.message}`).toMatchObject({ ok: true });
    }
  });

  it('rejects an unknown keyword with keepalived’s own message', async () => {
    const model = await modelOf(await vrrpModern());
    const files = render(model, keepalivedRenderer).map((f) => ({ ...f, content: f.content.replace('priority 150', 'prority 150') }));
    const [bad] = await runChecks(model, files.slice(0, 1), [keepalivedChecker]);
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toMatch(/Unknown keyword 'prority'/);
  });

  it('rejects a fractional advert_int on a VRRPv2 instance', async () => {
    const model = await modelOf(await vrrpModern());
    const files = render(model, keepalivedRenderer).map((f) => ({ ...f, content: f.content.replace('advert_int 1', 'advert_int 0.01') }));
    const [bad] = await runChecks(model, files.slice(0, 1), [keepalivedChecker]);
    expect(bad!.message).toMatch(/must be an integer/);
  });

  it('rejects a keepalived 2 file that runs scripts without script security', async () => {
    const model = await modelOf(await vrrpModern());
    const files = render(model, keepalivedRenderer).map((f) => ({ ...f, content: f.content.replace('    enable_script_security\n', '') }));
    const [bad] = await runChecks(model, files.slice(0, 1), [keepalivedChecker]);
    expect(bad!.message).toMatch(/SECURITY VIOLATION/);
  });

  it('rejects a track_script naming no vrrp_script', async () => {
    const model = await modelOf(await vrrpModern());
    const files = render(model, keepalivedRenderer).map((f) => ({ ...f, content: f.content.replace(/track_script \{\n(\s+)chk_web/, 'track_script {\n$1chk_nothing') }));
    const [bad] = await runChecks(model, files.slice(0, 1), [keepalivedChecker]);
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toMatch(/chk_nothing/);
  });
});
