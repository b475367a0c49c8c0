import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetHostKeys, uncreatedMachines } from '../../src/provider/vagrant/index.js';
import { prepareWorkdir, vagrantWorkdir, withVagrantData } from '../../src/render/vagrant/workdir.js';
import { buildVagrantData, vagrantSettings } from '../../src/render/vagrant/index.js';
import { modelOf, render, twoNodes } from './vagrant-fixtures.js';

const scratch = mkdtempSync(join(tmpdir(), 'hactl-vagrant-workdir-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the per-cluster Vagrant workdir', () => {
  it('holds the rendered tree with this run\'s data and a Vagrantfile that loads hactl\'s own', async () => {
    const model = await modelOf(twoNodes());
    const dir = vagrantWorkdir(model.cluster, scratch);
    const data = buildVagrantData(model, vagrantSettings(model, { provider: 'virtualbox' }));
    await prepareWorkdir(dir, withVagrantData(render(model), data));
    expect(JSON.parse(readFileSync(dir.dataFile, 'utf8'))).toMatchObject({ provider: 'virtualbox', cluster: 'vt' });
    const manifest = (JSON.parse(readFileSync(join(dir.tree, 'manifest.json'), 'utf8')) as { files: { node: string; file: string; mode: string }[] }).files;
    expect(manifest.filter((m) => m.node === '_vagrant').map((m) => m.file)).toEqual(['_vagrant/stack.json']);
    for (const m of manifest) expect((statSync(join(dir.tree, m.file)).mode & 0o777).toString(8).padStart(4, '0'), m.file).toBe(m.mode);
    const shim = readFileSync(join(dir.root, 'Vagrantfile'), 'utf8');
    expect(shim).toContain('ENV["HACTL_VAGRANT_STACK"] = File.join(__dir__, "tree", "_vagrant", "stack.json")');
    expect(shim).toMatch(/^load ".*\/Vagrantfile"$/m);
  });

  it('forgets the pinned host keys of machines vagrant has not created, and keeps the others', async () => {
    const model = await modelOf(twoNodes());
    const dir = vagrantWorkdir('keys', scratch);
    mkdirSync(join(dir.root, '.vagrant/machines/lb1/libvirt'), { recursive: true });
    writeFileSync(join(dir.root, '.vagrant/machines/lb1/libvirt/id'), 'uuid');
    writeFileSync(dir.knownHosts, 'hactl-vt-lb1 ssh-ed25519 AAAA1\nhactl-vt-lb2 ssh-ed25519 AAAA2\n');
    const fresh = uncreatedMachines(model, dir, 'libvirt');
    expect(fresh).toEqual(['lb2']);
    await forgetHostKeys(model, dir, fresh);
    expect(readFileSync(dir.knownHosts, 'utf8')).toBe('hactl-vt-lb1 ssh-ed25519 AAAA1\n');
  });
});
