import { afterAll, describe, expect, it } from 'vitest';
import { lintCorosync } from '../../src/tool-check/checkers/corosync-lint.js';
import { corosyncChecker } from '../../src/tool-check/checkers/corosync.js';
import { runChecks } from '../../src/tool-check/run-checks.js';
import { corosyncRenderer } from '../../src/render/corosync/index.js';
import { missing } from '../support/env.js';
import { allVariants, corosync3, leftoverNetns, modelOf, render, stackInput } from '../render/render-variants.js';

const skip = missing({ root: true, tools: ['corosync', 'ip', 'unshare'] });

describe.skipIf(skip)('corosync checker', () => {
  afterAll(() => expect(leftoverNetns()).toEqual([]));

  it('accepts corosync.conf and authkey of every stack and variant', async () => {
    const variants = (await allVariants()).filter((v) => corosyncRenderer.applies(v.model));
    expect(variants.map((v) => v.name).sort()).toEqual(['004-debian12', '004-debian12-udpu', '004-job-corosync-pacemaker']);
    for (const v of variants) {
      const results = await runChecks(v.model, render(v.model, corosyncRenderer), [corosyncChecker]);
      for (const r of results) expect(r, `${v.name} ${r.node} ${r.path}: ${r.message}`).toMatchObject({ ok: true });
      const conf = results.find((r) => r.path.endsWith('corosync.conf'))!;
      expect(conf.tool).toMatch(v.model.corosync!.version === 3 ? /^corosync -c FILE -t \(as node1/ : /corosync 3 cannot read 1\.x/);
    }
  });

  it('rejects a file whose nodelist does not hold the node, with corosync’s message', async () => {
    const model = await modelOf(await corosync3());
    const files = render(model, corosyncRenderer).map((f) => ({ ...f, content: f.content.replace('ring0_addr: 10.0.0.2\n        name: node2', 'ring0_addr: 10.0.0.9\n        name: node9') }));
    const bad = (await runChecks(model, files, [corosyncChecker])).find((r) => r.node === 'node2' && r.path.endsWith('.conf'));
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toMatch(/No valid name found for local host/);
  });

  it('poses as a node whose name `hostname` itself refuses (seed 003’s host_m)', async () => {
    const input = await corosync3();
    const model = await modelOf({ ...input, nodes: { host_m: input.nodes.node1!, host_s: input.nodes.node2! } });
    const results = await runChecks(model, render(model, corosyncRenderer), [corosyncChecker]);
    expect(results.filter((r) => r.path.endsWith('.conf')).map((r) => [r.node, r.ok, r.message])).toEqual([
      ['host_m', true, undefined],
      ['host_s', true, undefined],
    ]);
  });

  it('rejects knet crypto without the authkey corosync needs', async () => {
    const model = await modelOf(await corosync3());
    const files = render(model, corosyncRenderer).filter((f) => !f.path.endsWith('authkey'));
    const [bad] = await runChecks(model, files, [corosyncChecker]);
    expect(bad!.message).toMatch(/authkey/);
  });

  it('rejects a 1.x leftover in a corosync 3 file that corosync itself would ignore', async () => {
    const model = await modelOf(await corosync3());
    const files = render(model, corosyncRenderer).map((f) => ({ ...f, content: f.path.endsWith('.conf') ? `compatibility: whitetank\n${f.content}` : f.content }));
    const [bad] = (await runChecks(model, files, [corosyncChecker])).filter((r) => !r.ok);
    expect(bad!.message).toMatch(/compatibility is a corosync 1\.x leftover that corosync 3 silently ignores/);
  });

  it('rejects a 1.x file whose bindnetaddr belongs to no NIC of the node', async () => {
    const model = await modelOf(await stackInput('004-job-corosync-pacemaker'));
    const files = render(model, corosyncRenderer).map((f) => ({ ...f, content: f.content.replace(/bindnetaddr: \S+/, 'bindnetaddr: 172.31.0.1') }));
    const [bad] = await runChecks(model, files, [corosyncChecker]);
    expect(bad).toMatchObject({ ok: false, message: "bindnetaddr 172.31.0.1 is neither an address nor a network of node1's NICs" });
  });

  it('rejects a too short authkey', async () => {
    const model = await modelOf(await corosync3());
    const files = render(model, corosyncRenderer).map((f) => ({ ...f, content: f.path.endsWith('authkey') ? 'short' : f.content }));
    const bad = (await runChecks(model, files, [corosyncChecker])).find((r) => r.path.endsWith('authkey'));
    expect(bad).toMatchObject({ ok: false, message: 'authkey has 5 bytes; corosync 3 needs 128 to 4096' });
  });
});

describe('corosync.conf lint', () => {
  const v1 = 'totem {\n version: 2\n interface {\n ringnumber: 0\n bindnetaddr: 10.0.0.1\n mcastport: 5405\n member {\n memberaddr: 10.0.0.2\n }\n }\n transport: udpu\n}\n';

  it('accepts a minimal 1.x file and reports the seed’s repeated debug key', () => {
    expect(lintCorosync(v1, 1)).toEqual([]);
    expect(lintCorosync(`${v1}logging {\n debug: on\n debug: off\n}\n`, 1)).toEqual(['line 15: debug repeats line 14 (corosync keeps only the last)']);
  });

  it('reports unknown keys, bad values, unclosed sections and a missing nodelist', () => {
    expect(lintCorosync('totem {\n version: 2\n cluster_name: x\n tokn: 3000\n}\nquorum {\n provider: corosync_votequorum\n}\n', 3)).toEqual([
      'line 4: totem.tokn is not a corosync 3 key',
      'corosync 3 needs a nodelist with at least one node',
    ]);
    expect(lintCorosync(v1.replace('mcastport: 5405', 'mcastport: lots'), 1)).toEqual(['line 6: totem.interface.mcastport: invalid value "lots"']);
    expect(lintCorosync('totem {\n version: 2\n', 3)).toEqual(['line 1: section totem is never closed']);
  });
});
