import { afterAll, describe, expect, it } from 'vitest';
import { iptablesChecker } from '../../src/tool-check/checkers/iptables.js';
import { runChecks } from '../../src/tool-check/run-checks.js';
import { iptablesRenderer } from '../../src/render/iptables/index.js';
import { missing } from '../support/env.js';
import { allVariants, leftoverNetns, modelOf, render, stackInput } from '../render/render-variants.js';

const skip = missing({ root: true, tools: ['iptables-restore', 'ip', 'unshare'] });

describe.skipIf(skip)('iptables checker (iptables-restore in a network namespace)', () => {
  afterAll(() => expect(leftoverNetns()).toEqual([]));

  it('loads the rules of every stack and variant', async () => {
    const variants = (await allVariants()).filter((v) => iptablesRenderer.applies(v.model));
    expect(variants.length).toBeGreaterThanOrEqual(6);
    for (const v of variants) {
      const results = await runChecks(v.model, render(v.model, iptablesRenderer), [iptablesChecker]);
      expect(results).toHaveLength(v.model.nodes.length);
      for (const r of results) expect(r, `${v.name} ${r.node}: ${r.message}`).toMatchObject({ ok: true });
    }
  });

  it('rejects a jump to a chain that does not exist, which --test lets through', async () => {
    const model = await modelOf(await stackInput('001-web-pacemaker-heartbeat'));
    const files = render(model, iptablesRenderer).map((f) => ({ ...f, content: f.content.replace('--dport 694 -j ACCEPT', '--dport 694 -j HEARTBEAT') }));
    const [bad] = await runChecks(model, files, [iptablesChecker]);
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toMatch(/Chain 'HEARTBEAT' does not exist/);
  });

  it('rejects an unknown match option with iptables’ message', async () => {
    const model = await modelOf(await stackInput('002-vrrp-keepalived'));
    const files = render(model, iptablesRenderer).map((f) => ({ ...f, content: f.content.replace('-p icmp', '-p icmp --dport 7') }));
    const [bad] = await runChecks(model, files, [iptablesChecker]);
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toMatch(/dport|unknown option/i);
  });

  it('rejects a file without COMMIT', async () => {
    const model = await modelOf(await stackInput('002-vrrp-keepalived'));
    const files = render(model, iptablesRenderer).map((f) => ({ ...f, content: f.content.replace('COMMIT\n', '') }));
    const [bad] = await runChecks(model, files, [iptablesChecker]);
    expect(bad).toMatchObject({ ok: false, message: 'no COMMIT line: iptables-restore would load nothing' });
  });
});
