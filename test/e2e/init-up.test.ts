import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';

// What `hactl init` writes comes up on the lab as it is: the agent starter as a TS stack, the keepalived one as YAML.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'nft', 'keepalived', 'arping'] });
const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, timeout: 120_000 });
const labNamespaces = (lab: string) => (existsSync('/run/netns') ? readdirSync('/run/netns').filter((n) => n.startsWith(`hactl-${lab}.`)) : []);

// inside the repository, so cluster.ts resolves 'hactl' as in a project that installed it
mkdirSync('.hactl', { recursive: true });
const scratch = mkdtempSync(join(resolve('.hactl'), 'init-lab-'));
const starters = [
  { name: 'initagent', args: ['--ts', '--runtime', 'agent'], file: 'cluster.ts', placed: /web\s+10\.241\.0\.100\s+on node1/ },
  { name: 'initvrrp', args: ['--yaml', '--runtime', 'keepalived'], file: 'cluster.yaml', placed: /VI_1\s+10\.242\.0\.100\s+on node1/ },
];

describe.skipIf(skip)('a stack written by hactl init on the lab', () => {
  afterAll(async () => {
    for (const s of starters) await hactl('down', join(scratch, s.name, s.file));
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const s of starters) {
    it(`comes up unchanged and goes down without a trace (${s.args.join(' ')})`, async () => {
      const dir = join(scratch, s.name);
      mkdirSync(dir);
      expect((await hactl('init', ...s.args, dir)).exitCode).toBe(0);
      const stack = join(dir, s.file);
      const up = await hactl('up', stack);
      expect(up.stderr + up.stdout).toMatch(new RegExp(`cluster ${s.name} is up`));
      expect(up.stdout).toMatch(s.placed);
      expect(up.exitCode).toBe(0);
      expect((await hactl('down', stack)).stdout).toMatch(new RegExp(`lab ${s.name} removed`));
      expect(labNamespaces(s.name)).toEqual([]);
    });
  }
});
