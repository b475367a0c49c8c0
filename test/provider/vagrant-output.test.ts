import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMachineLine, parseMachineReadable } from '../../src/host-tools/vagrant-machine-readable.js';
import { machineStates, parseSshConfig, progressEvent, type VagrantProgressEvent } from '../../src/provider/vagrant/index.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const events = (name: string): VagrantProgressEvent[] => parseMachineReadable(fixture(name)).flatMap((r) => progressEvent(r) ?? []);

describe('vagrant --machine-readable output', () => {
  it('splits a record and restores escaped commas and newlines', () => {
    expect(parseMachineLine('1795320317,lb1,state-human-long,To stop this machine%!(VAGRANT_COMMA) you can run\\n`vagrant halt`.')).toEqual({
      timestamp: 1795320317, target: 'lb1', type: 'state-human-long', data: ['To stop this machine, you can run\n`vagrant halt`.'],
    });
  });

  it('ignores lines that are not records (vagrant also prints some output plainly)', () => {
    expect(parseMachineLine('  HostName 192.168.121.64')).toBeUndefined();
    expect(parseMachineLine('')).toBeUndefined();
  });

  it("reads each machine's state from `vagrant status`", () => {
    expect([...machineStates(parseMachineReadable(fixture('vagrant-status.txt')))]).toEqual([['lb1', 'running'], ['lb2', 'running']]);
  });

  it('turns `vagrant destroy` into per-machine actions and messages without the machine prefix', () => {
    expect(events('vagrant-destroy.txt')).toEqual([
      { type: 'machine-action', node: 'lb2', action: 'destroy', phase: 'start' },
      { type: 'machine-message', node: 'lb2', level: 'info', message: 'Removing domain...' },
      { type: 'machine-message', node: 'lb2', level: 'info', message: 'Deleting the machine folder' },
      { type: 'machine-action', node: 'lb2', action: 'destroy', phase: 'end' },
      { type: 'machine-action', node: 'lb1', action: 'destroy', phase: 'start' },
      { type: 'machine-message', node: 'lb1', level: 'info', message: 'Removing domain...' },
      { type: 'machine-message', node: 'lb1', level: 'info', message: 'Deleting the machine folder' },
      { type: 'machine-action', node: 'lb1', action: 'destroy', phase: 'end' },
    ]);
  });

  it('keeps a few dozen events of `vagrant up`, none of them progress-bar updates', () => {
    const all = parseMachineReadable(fixture('vagrant-up.txt'));
    const kept = events('vagrant-up.txt');
    expect(kept.length).toBeLessThan(all.length);
    expect(kept.some((e) => e.type === 'machine-message' && /^Progress: \d+%/.test(e.message))).toBe(false);
    expect(kept.filter((e) => e.type === 'machine-action').map((e) => `${e.node} ${e.phase}`).sort()).toEqual(['lb1 end', 'lb1 start', 'lb2 end', 'lb2 start']);
    for (const e of kept) if (e.type === 'machine-message') expect(e.message).not.toMatch(/^(==> |\s+)lb\d: /m);
  });

  it('drops progress-bar updates and reports error-exit records as errors', () => {
    expect(progressEvent({ timestamp: 1, target: 'lb1', type: 'ui', data: ['detail', 'Progress: 42%'] })).toBeUndefined();
    expect(progressEvent({ timestamp: 1, target: '', type: 'error-exit', data: ['Vagrant::Errors::BoxNotFound', 'The box could not be found.'] }))
      .toEqual({ type: 'vagrant-error', kind: 'Vagrant::Errors::BoxNotFound', message: 'The box could not be found.' });
  });
});

describe('vagrant ssh-config', () => {
  it('gives each machine its address, user and key', () => {
    const text = parseMachineReadable(fixture('vagrant-ssh-config.txt')).filter((r) => r.type === 'ssh-config').map((r) => r.data.join(',')).join('\n');
    const entries = parseSshConfig(text);
    expect(entries.get('lb1')).toEqual({
      host: 'lb1', hostName: '192.168.121.64', user: 'vagrant', port: 22, identityFiles: ['/tmp/hv/vkeep/.vagrant/machines/lb1/libvirt/private_key'],
    });
    expect(entries.get('lb2')?.hostName).toBe('192.168.121.164');
  });

  it('accepts quoted values, key=value and any keyword case (VirtualBox forwards ssh to a port)', () => {
    const entries = parseSshConfig('Host s1\n  HostName 127.0.0.1\n  user vagrant\n  Port=2122\n  IdentityFile "/home/a b/.vagrant/machines/s1/virtualbox/private_key"\n');
    expect(entries.get('s1')).toEqual({ host: 's1', hostName: '127.0.0.1', user: 'vagrant', port: 2122, identityFiles: ['/home/a b/.vagrant/machines/s1/virtualbox/private_key'] });
  });
});
