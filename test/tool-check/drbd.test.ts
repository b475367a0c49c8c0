import { describe, expect, it } from 'vitest';
import { braceError, drbdChecker } from '../../src/tool-check/checkers/drbd.js';
import { runChecks } from '../../src/tool-check/run-checks.js';
import { drbdRenderer } from '../../src/render/drbd/index.js';
import { missing } from '../support/env.js';
import { allVariants, modelOf, render, stackInput } from '../render/render-variants.js';

const skip = missing({ tools: ['drbdadm', '/usr/lib/drbd/drbdadm-84'] });

describe.skipIf(skip)('DRBD checker (drbdadm / drbdadm-84 dump all)', () => {
  it('accepts drbd.conf and every .res of every stack and variant, with the parser of its version', async () => {
    const variants = (await allVariants()).filter((v) => drbdRenderer.applies(v.model));
    expect(variants.map((v) => v.name).sort()).toEqual(['003-debian12', '003-drbd-heartbeat-crm', 'vagrant-drbd']);
    for (const v of variants) {
      const results = await runChecks(v.model, render(v.model, drbdRenderer), [drbdChecker]);
      expect(results).toHaveLength(4);
      for (const r of results) expect(r, `${v.name} ${r.node} ${r.path}: ${r.message}`).toMatchObject({ ok: true });
      expect(results[0]!.tool).toMatch(v.name === '003-debian12' ? /^drbdadm / : /^drbdadm-84 /);
    }
  });

  it('rejects DRBD 8 syncer syntax where DRBD 9 reads the file, with drbdadm’s parse error', async () => {
    const model = await modelOf({ ...(await stackInput('003-drbd-heartbeat-crm')), platform: 'debian12' });
    const files = render(model, drbdRenderer).map((f) => ({ ...f, content: f.content.replace('resync-rate 200M;', 'syncer-rate 200M;') }));
    const bad = (await runChecks(model, files, [drbdChecker])).find((r) => r.path.endsWith('.res'));
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toMatch(/Parse error/);
  });

  it('rejects a missing closing brace, which drbdadm itself lets through', async () => {
    const model = await modelOf(await stackInput('003-drbd-heartbeat-crm'));
    const files = render(model, drbdRenderer).map((f) => ({ ...f, content: f.content.replace(/\}\n$/, '') }));
    const bad = (await runChecks(model, files, [drbdChecker])).find((r) => r.path.endsWith('.res'));
    expect(bad).toMatchObject({ ok: false, message: "'{' opened at line 2 is never closed" });
  });

  it('rejects a drbd.conf whose include reaches no resource file', async () => {
    const model = await modelOf(await stackInput('003-drbd-heartbeat-crm'));
    const files = render(model, drbdRenderer).map((f) => ({ ...f, content: f.content.replace('include "drbd.d/*.res"', 'include "resources.d/*.res"') }));
    const bad = (await runChecks(model, files, [drbdChecker])).find((r) => r.path === '/etc/drbd.conf');
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toMatch(/did not see resource drbd0/);
  });
});

describe('brace check', () => {
  it('ignores braces in comments and strings and finds stray closers', () => {
    expect(braceError('a { # }\n b "}" ;\n}\n')).toBeUndefined();
    expect(braceError('a { }\n}\n')).toBe("line 2: '}' closes nothing");
  });
});
