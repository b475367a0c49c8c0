import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withNetns } from '../../../src/tool-check/throwaway-netns.js';
import type { ClusterInput } from '../../../src/model/cluster.js';
import { iptablesRenderer } from '../../../src/render/iptables/index.js';
import { cibRenderer, crmshRenderer, CIB_PATH, CRM_SCRIPT_PATH } from '../../../src/render/pacemaker/index.js';
import { corosyncStack } from '../../lint/stacks.js';
import { missing } from '../../support/env.js';
import { fileOf, leftoverNetns, modelOf, render } from '../render-variants.js';

// Every character a quoting mistake would trip on, in one value each tool must hand back unchanged.
const ODD = `x" \\ $HOME \`id\` # <b>&amp; 'q' ;`;

const dir = mkdtempSync(join(tmpdir(), 'hactl-round-trip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function oddStack(format: 'crmsh' | 'cib'): ClusterInput {
  const stack = corosyncStack();
  return {
    ...stack,
    platform: 'debian12',
    pacemaker: { messaging: 'corosync', syntax: '2', format },
    resources: [{ ocf: 'heartbeat:Dummy', name: 'd1', params: { fake: ODD }, meta: { description: ODD } }],
    constraints: [],
    firewall: { rules: [{ proto: 'tcp', dport: 80, comment: ODD }] },
  };
}

/** The value of an nvpair in a CIB, read by xmllint (so XML unescaping is the parser's, not ours). */
const nvpair = (cib: string, name: string) =>
  execFileSync('xmllint', ['--xpath', `string(//nvpair[@name="${name}"]/@value)`, cib], { encoding: 'utf8' }).replace(/\n$/, '');

describe.skipIf(missing({ tools: ['crm', 'cibadmin', 'xmllint'] }))('crm and CIB quoting', () => {
  it('crmsh reads params and meta values back unchanged from the crm script', async () => {
    const script = fileOf(render(await modelOf(oddStack('crmsh')), crmshRenderer), '_cluster', CRM_SCRIPT_PATH).content;
    const cib = join(dir, 'crm-cib.xml');
    writeFileSync(cib, execFileSync('cibadmin', ['--empty'], { encoding: 'utf8' }));
    execFileSync('crm', ['-D', 'plain', 'configure'], { input: script, env: { ...process.env, CIB_file: cib, HOME: dir }, stdio: ['pipe', 'ignore', 'ignore'] });
    expect(nvpair(cib, 'fake')).toBe(ODD);
    expect(nvpair(cib, 'description')).toBe(ODD);
  });

  it('cib.xml carries the same values through an XML parser', async () => {
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, fileOf(render(await modelOf(oddStack('cib')), cibRenderer), '_cluster', CIB_PATH).content);
    expect(nvpair(cib, 'fake')).toBe(ODD);
    expect(nvpair(cib, 'description')).toBe(ODD);
  });
});

describe.skipIf(missing({ root: true, tools: ['iptables-restore', 'iptables-save', 'ip', 'unshare'] }))('iptables comment quoting', () => {
  afterAll(() => expect(leftoverNetns()).toEqual([]));

  it('iptables-restore loads the comment as written', async () => {
    const rules = fileOf(render(await modelOf(oddStack('crmsh')), iptablesRenderer), 'm1', '/etc/iptables/rules.v4').content;
    const r = await withNetns([], (ns) => ns.run(['sh', '-c', 'iptables-restore && iptables -S INPUT'], { input: rules }));
    expect(r.exitCode, r.stderr).toBe(0);
    // iptables -S prints the comment quoted again, with \ before " \ and '
    const printed = /--comment "((?:[^"\\]|\\.)*)"/.exec(r.stdout)?.[1];
    expect(printed?.replace(/\\(.)/g, '$1')).toBe(ODD);
  });
});
