import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileChannel } from '../../src/transport/file-channel.js';
import { ShellTransport, type RawExec } from '../../src/transport/shell-transport.js';
import { sshInventory } from '../../src/transport/ssh/inventory.js';
import { keepalivedModel } from '../apply/fixtures.js';

const me = `${execFileSync('id', ['-un'], { encoding: 'utf8' }).trim()}:${execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim()}`;

describe('commands through sudo', () => {
  let dir: string;
  const seen: string[] = [];
  let exec: RawExec;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hactl-sudo-'));
    // a stand-in sudo that logs its argv and runs it: what matters is that every command survives the wrapping
    writeFileSync(join(dir, 'sudo'), `#!/bin/sh\necho "$*" >> '${dir}/sudo.log'\n[ "$1" = -n ] && shift\n[ "$1" = -- ] && shift\nexec "$@"\n`);
    chmodSync(join(dir, 'sudo'), 0o755);
    exec = async (command, input) => {
      seen.push(command);
      const r = await execa('sh', ['-c', command], {
        ...(input ? { input } : { stdin: 'ignore' as const }), encoding: 'buffer', reject: false, stripFinalNewline: false,
        env: { PATH: `${dir}:${process.env.PATH ?? ''}` },
      });
      return { stdout: Buffer.from(r.stdout), stderr: Buffer.from(r.stderr).toString(), code: r.exitCode ?? 1 };
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('wraps every command in sudo -n and never uses the login user\'s file channel', async () => {
    const channel: FileChannel = { stage: async () => { throw new Error('channel used under sudo'); }, commit: async () => { throw new Error('channel used under sudo'); } };
    const t = new ShellTransport({ node: 'n1', target: 'admin@n1', exec, sudo: true, files: channel, root: join(dir, 'root') });
    await t.writeFileAtomic("/etc/it's/x.conf", 'a\nb\n', { mode: '0600', owner: me }, { backupSuffix: { day: '20250102', stamp: '20250102-030405' } });
    const staged = await t.stageFile("/etc/it's/x.conf", 'c\n', { mode: '0600', owner: me });
    await t.commitStaged(staged, { backupSuffix: { day: '20250102', stamp: '20250102-030405' } });
    expect((await t.readFile("/etc/it's/x.conf"))?.content.toString()).toBe('c\n');
    expect(readFileSync(join(dir, "root/etc/it's/x.conf.20250102"), 'utf8')).toBe('a\nb\n');
    expect(seen.every((c) => c.startsWith('sudo -n -- sh -c '))).toBe(true);
    expect(readFileSync(join(dir, 'sudo.log'), 'utf8').split('-n -- sh -c').length - 1).toBe(seen.length);
  });

  it('turns sudo on for a non-root user unless the stack says otherwise', async () => {
    const model = await keepalivedModel(2);
    const [n1, n2] = sshInventory(model, { n1: { host: 'a', user: 'admin' }, n2: { host: 'b', user: 'admin', sudo: false } });
    expect([n1?.sudo, n2?.sudo]).toEqual([true, false]);
    expect(sshInventory(model, { n1: { host: 'a' }, n2: { host: 'b' } })[0]).toMatchObject({ user: 'root', port: 22, sudo: false });
  });

  it('names the stack key to add when a node has no ssh endpoint', async () => {
    const model = await keepalivedModel(1);
    expect(() => sshInventory(model)).toThrow(/nodes\.n1\.ssh\.host/);
  });
});
