import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { preflight } from '../../src/provider/vagrant/index.js';
import { vagrantSettings } from '../../src/render/vagrant/index.js';
import { hasTool } from '../support/env.js';
import { modelOf, twoNodes } from './vagrant-fixtures.js';

const scratch = mkdtempSync(join(tmpdir(), 'hactl-vagrant-preflight-'));
const path = process.env.PATH;
afterEach(() => {
  process.env.PATH = path;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in `vagrant` on PATH that answers `plugin list` and `box list` as vagrant 2.3.4 does. */
function fakeVagrant(plugins: string[], boxes: [string, string][]): void {
  const dir = mkdtempSync(join(scratch, 'bin-'));
  const pluginLines = plugins.map((p) => `echo '1795318896,,plugin-name,${p}'`).join('\n');
  const boxLines = boxes.map(([name, provider]) => `echo '1795318896,,box-name,${name}'; echo '1795318896,,box-provider,${provider}'; echo '1795318896,,box-version,0'`).join('\n');
  writeFileSync(join(dir, 'vagrant'), `#!/bin/sh\ncase "$1 $2" in\n"plugin list") ${pluginLines || 'true'} ;;\n"box list") ${boxLines || 'true'} ;;\nesac\n`);
  chmodSync(join(dir, 'vagrant'), 0o755);
  process.env.PATH = `${dir}:/usr/bin:/bin`;
}

const settings = async (overrides = {}) => vagrantSettings(await modelOf(twoNodes()), overrides);
const codeOf = (p: Promise<unknown>): Promise<unknown> => p.then(() => 'ok', (e: { code?: string }) => e.code);

describe('what hactl checks before vagrant up', () => {
  it('says vagrant is missing when it is not on PATH', async () => {
    process.env.PATH = join(scratch, 'nothing');
    expect(await codeOf(preflight(await settings()))).toBe('vagrant-missing');
  });

  it('says the libvirt plugin is missing', async () => {
    fakeVagrant([], [['hactl/debian12', 'libvirt']]);
    expect(await codeOf(preflight(await settings()))).toBe('vagrant-provider-missing');
  });

  it('says how to build the box when it is missing, or only there for another provider', async () => {
    fakeVagrant(['vagrant-libvirt'], [['hactl/debian12', 'virtualbox']]);
    const error = await preflight(await settings()).catch((e: Error & { code: string }) => e);
    expect(error).toMatchObject({ code: 'vagrant-box-missing' });
    expect((error as Error).message).toContain('scripts/build-box');
  });

  it('says libvirtd is not running when its socket does not answer', async () => {
    fakeVagrant(['vagrant-libvirt'], [['hactl/debian12', 'libvirt']]);
    expect(await codeOf(preflight(await settings(), { libvirtSockets: [join(scratch, 'no-such-sock')] }))).toBe('vagrant-daemon-missing');
  });

  it.skipIf(hasTool('VBoxManage'))('needs VirtualBox for the virtualbox provider', async () => {
    fakeVagrant([], [['hactl/debian12', 'virtualbox']]);
    expect(await codeOf(preflight(await settings({ provider: 'virtualbox' })))).toBe('vagrant-provider-missing');
  });
});
