import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';

// Lab nodes get a private /tmp: hactl installed under /tmp (and a node binary there) must still run inside them.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'nft', 'cp'] });
const PACKAGE_PARTS = ['dist', 'node_modules', 'package.json', 'templates', 'schema', 'stacks'];

describe.skipIf(skip)('hactl installed under /tmp', () => {
  let copy = '';
  let nodeDir = '';
  const hactl = (...args: string[]) =>
    execa(join(nodeDir, 'node'), [join(copy, 'dist/cli/hactl.js'), ...args], { cwd: copy, reject: false, timeout: 120_000 });

  beforeAll(async () => {
    copy = mkdtempSync('/tmp/hactl-copy-');
    nodeDir = mkdtempSync('/tmp/hactl-node-');
    await execa('cp', ['-a', ...PACKAGE_PARTS, copy]);
    await execa('cp', [process.execPath, join(nodeDir, 'node')]);
  });
  afterAll(async () => {
    if (copy) await hactl('down', 'stacks/quickstart.yaml');
    rmSync(copy, { recursive: true, force: true });
    rmSync(nodeDir, { recursive: true, force: true });
  });

  it('brings up the quickstart from the copy: the agents run from /tmp inside the nodes', async () => {
    const up = await hactl('up', 'stacks/quickstart.yaml');
    expect(up.stderr).not.toMatch(/Cannot find module|not healthy/);
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toMatch(/web\s+10\.201\.0\.100\s+on qs1/);
    const seen = await hactl('lab', 'exec', 'stacks/quickstart.yaml', 'qs2', '--', 'sh', '-c',
      `test -r ${copy}/dist/cli/hactl.js && ${nodeDir}/node -e 'process.stdout.write("runs")' && touch ${copy}/written || echo " read-only"`);
    expect(seen.stdout).toBe('runs read-only');
    expect(existsSync(join(copy, 'written'))).toBe(false);
  });

  it('takes it down again without a trace', async () => {
    expect((await hactl('down', 'stacks/quickstart.yaml')).stdout).toMatch(/lab quickstart removed/);
    expect(existsSync('/run/netns') ? readdirSync('/run/netns').filter((n) => n.startsWith('hactl-quickstart.')) : []).toEqual([]);
    expect(existsSync('/run/hactl/lab/quickstart')).toBe(false);
  });
});
