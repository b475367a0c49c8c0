import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCidr } from '../../src/model/network.js';
import { stackFor } from '../../src/operations/open-cluster.js';
import { providers } from '../../src/provider/registry.js';
import { missing } from '../support/env.js';

// `hactl graph` pictures are judged by the real readers: xmllint for SVG, Graphviz's dot for DOT.
const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env: { HACTL_VRRP_PASS: '1111' } });
const seeds = readdirSync('stacks').filter((f) => f.endsWith('.yaml')).map((f) => `stacks/${f}`);
const scratch = mkdtempSync(join(tmpdir(), 'hactl-graph-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every node and every floating address of the stack, as a picture of it must name them. */
async function namesOf(stack: string): Promise<string[]> {
  const model = await stackFor(stack, providers.lab);
  const vips = [
    ...model.resources.flatMap((r) => (r.kind === 'group' ? r.members : [r])).flatMap((m) => (m.kind === 'vip' ? [m.ip] : [])),
    ...model.vrrp.flatMap((v) => v.vips.map((a) => parseCidr(a).address)),
  ];
  return [...model.nodes.map((n) => n.name), ...vips];
}

const run = (cmd: string, args: string[], input: string) => execFileSync(cmd, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

describe('hactl graph', () => {
  const noTools = missing({ tools: ['xmllint', 'dot'] });

  it.skipIf(noTools)('draws every seed stack as valid SVG naming every node and VIP', async () => {
    for (const stack of seeds) {
      const r = await hactl('graph', stack, '--format', 'svg');
      expect(r.exitCode, `${stack}: ${r.stderr}`).toBe(0);
      expect(() => run('xmllint', ['--noout', '-'], r.stdout), stack).not.toThrow();
      const text = run('xmllint', ['--xpath', 'string(/*)', '-'], r.stdout);
      for (const name of await namesOf(stack)) expect(text, `${stack} names ${name}`).toContain(name);
    }
  });

  it.skipIf(noTools)('writes DOT that Graphviz parses, with every node and VIP in a label', async () => {
    for (const stack of seeds) {
      const r = await hactl('graph', stack, '--format', 'dot');
      expect(r.exitCode, `${stack}: ${r.stderr}`).toBe(0);
      // -Tjson: Graphviz read the graph and lays it out; its labels are what a reader sees
      const json = JSON.parse(run('dot', ['-Tjson'], r.stdout)) as { objects?: { label?: string }[]; edges?: { label?: string }[] };
      const labels = [...(json.objects ?? []), ...(json.edges ?? [])].map((o) => o.label ?? '').join('\n');
      for (const name of await namesOf(stack)) expect(labels, `${stack} names ${name}`).toContain(name);
    }
  });

  it('writes a Mermaid flowchart with every node and VIP', async () => {
    const r = await hactl('graph', 'stacks/quickstart.yaml', '--format', 'mermaid');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^flowchart TB\n/);
    for (const name of ['"qs1"', '"qs2"', '10.201.0.100', 'preferred| node_qs1']) expect(r.stdout).toContain(name);
  });

  it('writes to a file with -o and refuses to overwrite the stack itself', async () => {
    const out = join(scratch, 'quickstart.svg');
    const r = await hactl('graph', 'stacks/quickstart.yaml', '-o', out);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg /);
    const self = await hactl('graph', 'stacks/quickstart.yaml', '-o', 'stacks/quickstart.yaml');
    expect(self.exitCode).not.toBe(0);
    expect(self.stderr).toContain('observe-bad-output');
    expect(readFileSync('stacks/quickstart.yaml', 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('rejects an unknown format with a non-zero exit', async () => {
    const r = await hactl('graph', 'stacks/quickstart.yaml', '--format', 'png');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/svg, dot, mermaid/);
  });
});

describe("the README's topology picture", () => {
  it('is what hactl graph draws for the quickstart today', async () => {
    const r = await hactl('graph', 'stacks/quickstart.yaml');
    expect(r.exitCode).toBe(0);
    expect(readFileSync('docs/topology-quickstart.svg', 'utf8').trimEnd(), 'regenerate: hactl graph stacks/quickstart.yaml -o docs/topology-quickstart.svg').toBe(r.stdout);
  });
});
