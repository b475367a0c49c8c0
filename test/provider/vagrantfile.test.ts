import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';

// The repository's Vagrantfile, copied into a directory of its own so a stack left under .hactl/vagrant by an
// earlier `hactl up --provider vagrant` in the checkout cannot select itself; vagrant reads it as in the repo root.
const scratch = mkdtempSync(join(tmpdir(), 'hactl-vagrantfile-'));
copyFileSync(join(process.cwd(), 'Vagrantfile'), join(scratch, 'Vagrantfile'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const vagrant = (...args: string[]) => {
  const env = { ...process.env };
  delete env.HACTL_VAGRANT_STACK;
  return execa('vagrant', args, { cwd: scratch, reject: false, env, extendEnv: false, timeout: 60_000 });
};

describe.skipIf(missing({ tools: ['vagrant'] }))('the top-level Vagrantfile with no stack selected', () => {
  it("leaves vagrant's own commands working", async () => {
    for (const args of [['validate', '--help'], ['box', 'list'], ['global-status'], ['--help'], ['plugin', 'list']]) {
      const r = await vagrant(...args);
      expect([args.join(' '), r.exitCode, r.stderr]).toEqual([args.join(' '), 0, '']);
    }
  });

  it('tells the commands that act on its machines how to select a stack, as a message, not a Ruby error', async () => {
    for (const command of ['status', 'validate']) {
      const r = await vagrant(command);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('hactl: no stack is selected');
      expect(r.stderr).toContain('hactl up --provider vagrant STACK');
      expect(r.stderr).toContain('HACTL_VAGRANT_STACK');
      expect(r.stderr).not.toMatch(/syntax error|RuntimeError/);
    }
  });

  it('names every stack when several are under .hactl/vagrant', async () => {
    for (const cluster of ['web', 'vrrp']) {
      mkdirSync(join(scratch, '.hactl/vagrant', cluster, 'tree/_vagrant'), { recursive: true });
      writeFileSync(join(scratch, '.hactl/vagrant', cluster, 'tree/_vagrant/stack.json'), '{}');
    }
    const r = await vagrant('status');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('several stacks are under .hactl/vagrant');
    for (const cluster of ['web', 'vrrp']) expect(r.stderr).toContain(`.hactl/vagrant/${cluster}/tree/_vagrant/stack.json`);
    expect((await vagrant('box', 'list')).exitCode).toBe(0);
  });
});
