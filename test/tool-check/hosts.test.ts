import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { hostsChecker, lintHosts } from '../../src/tool-check/checkers/hosts.js';
import { withNetns } from '../../src/tool-check/throwaway-netns.js';
import { runChecks } from '../../src/tool-check/run-checks.js';
import { hostsRenderer } from '../../src/render/hosts/index.js';
import { missing } from '../support/env.js';
import { allVariants, leftoverNetns, modelOf, render, stackInput } from '../render/render-variants.js';

const skip = missing({ root: true, tools: ['getent', 'ip', 'unshare'] });

describe.skipIf(skip)('hosts checker (getent in a private namespace)', () => {
  afterAll(() => expect(leftoverNetns()).toEqual([]));

  it('accepts /etc/hosts of every stack that renders one', async () => {
    const variants = (await allVariants()).filter((v) => hostsRenderer.applies(v.model));
    expect(variants.map((v) => v.name)).toContain('001-web-pacemaker-heartbeat');
    for (const v of variants) {
      for (const r of await runChecks(v.model, render(v.model, hostsRenderer), [hostsChecker])) expect(r, `${v.name} ${r.node}: ${r.message}`).toMatchObject({ ok: true });
    }
  });

  it('stages the file only inside the namespace: the host’s /etc/hosts stays as it was', async () => {
    const before = readFileSync('/etc/hosts', 'utf8');
    const model = await modelOf(await stackInput('001-web-pacemaker-heartbeat'));
    await runChecks(model, render(model, hostsRenderer), [hostsChecker]);
    expect(readFileSync('/etc/hosts', 'utf8')).toBe(before);
  });

  it('deletes the namespace when the work inside it throws', async () => {
    let name = '';
    await expect(
      withNetns([{ name: 'eth9', addresses: ['192.0.2.9/24'] }], async (ns) => {
        name = ns.name;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(name).not.toBe('');
    expect(leftoverNetns()).not.toContain(name);
  });

  it('rejects a file in which a node resolves nowhere', async () => {
    const model = await modelOf(await stackInput('001-web-pacemaker-heartbeat'));
    const files = render(model, hostsRenderer).map((f) => ({ ...f, content: f.content.replace('\ts2', '\ts3') }));
    const [bad] = await runChecks(model, files, [hostsChecker]);
    expect(bad).toMatchObject({ ok: false, message: 'node s2 has no IPv4 address in the file' });
  });
});

describe('hosts lint', () => {
  it('finds bad addresses, bad names and a node with two addresses', () => {
    const { problems } = lintHosts('192.168.1.300 s1\n192.168.1.1 s_1 bad!name\n10.0.0.1 s2\n10.0.0.2 s2\n', ['s1', 's2']);
    expect(problems).toEqual([
      'line 1: "192.168.1.300" is not an IP address',
      'line 2: "bad!name" is not a valid host name',
      'line 4: s2 maps to 10.0.0.2 and also to 10.0.0.1',
      'node s1 has no IPv4 address in the file',
    ]);
  });
});
