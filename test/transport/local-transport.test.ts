import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localTransport } from '../../src/transport/local/local-transport.js';
import { parseStatLine } from '../../src/transport/shell.js';
import type { Transport } from '../../src/transport/transport.js';

const me = `${execFileSync('id', ['-un'], { encoding: 'utf8' }).trim()}:${execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim()}`;
const DAY = { day: '20250102', stamp: '20250102-030405' };

describe('the local transport', () => {
  let root: string;
  let t: Transport;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hactl-local-'));
    t = localTransport({ node: 'n1', root });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads a missing file as undefined', async () => {
    expect(await t.readFile('/etc/nothing')).toBeUndefined();
  });

  it('creates a file with its mode and owner, creating 0755 parent directories', async () => {
    const commit = await t.writeFileAtomic('/etc/ha.d/authkeys', 'auth 1\n', { mode: '0600', owner: me }, { backupSuffix: DAY });
    expect(commit.backup).toBeUndefined();
    const live = await t.readFile('/etc/ha.d/authkeys');
    expect(live).toMatchObject({ mode: '0600', owner: me });
    expect(live?.content.toString()).toBe('auth 1\n');
    expect(statSync(join(root, 'etc/ha.d')).mode & 0o777).toBe(0o755);
  });

  it('keeps the replaced file as path.YYYYMMDD, then path.YYYYMMDD-HHMMSS on the same day', async () => {
    const attrs = { mode: '0644', owner: me };
    await t.writeFileAtomic('/etc/x.conf', 'one\n', attrs, { backupSuffix: DAY });
    const first = await t.writeFileAtomic('/etc/x.conf', 'two\n', attrs, { backupSuffix: DAY });
    const second = await t.writeFileAtomic('/etc/x.conf', 'three\n', attrs, { backupSuffix: DAY });
    expect(first.backup).toBe(join(root, 'etc/x.conf.20250102'));
    expect(second.backup).toBe(join(root, 'etc/x.conf.20250102-030405'));
    expect(readFileSync(first.backup!, 'utf8')).toBe('one\n');
    expect(readFileSync(second.backup!, 'utf8')).toBe('two\n');
    expect(readFileSync(join(root, 'etc/x.conf'), 'utf8')).toBe('three\n');
  });

  it('rolls an update back from its backup and a creation back by removing the file', async () => {
    const attrs = { mode: '0644', owner: me };
    await t.writeFileAtomic('/etc/a', 'old\n', attrs, { backupSuffix: DAY });
    const update = await t.writeFileAtomic('/etc/a', 'new\n', attrs, { backupSuffix: DAY });
    const create = await t.writeFileAtomic('/etc/b', 'new\n', attrs, { backupSuffix: DAY });
    await t.rollback('/etc/a', update);
    await t.rollback('/etc/b', create);
    expect(readFileSync(join(root, 'etc/a'), 'utf8')).toBe('old\n');
    expect(existsSync(join(root, 'etc/b'))).toBe(false);
  });

  it('stages next to the target without touching it until commit', async () => {
    const attrs = { mode: '0640', owner: me };
    await t.writeFileAtomic('/etc/c', 'live\n', attrs, { backupSuffix: DAY });
    const staged = await t.stageFile('/etc/c', 'next\n', attrs);
    expect(staged.tmpPath.startsWith(join(root, 'etc/c.hactl-tmp-'))).toBe(true);
    expect(readFileSync(join(root, 'etc/c'), 'utf8')).toBe('live\n');
    expect(statSync(staged.tmpPath).mode & 0o777).toBe(0o640);
    await t.discardStaged(staged);
    expect(existsSync(staged.tmpPath)).toBe(false);
  });

  it('removes temp files a cut connection left behind', async () => {
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc/d.hactl-tmp-abc123'), 'partial');
    writeFileSync(join(root, 'etc/unrelated'), 'keep');
    await t.cleanupTemp(['/etc/d']);
    expect(readdirSync(join(root, 'etc'))).toEqual(['unrelated']);
  });

  it('reads many files in one round trip: empty, binary and missing ones in order', async () => {
    const attrs = { mode: '0644', owner: me };
    const binary = Buffer.from([0, 10, 255, 10, 13, 0x27]);
    await t.writeFileAtomic('/etc/empty', '', attrs, { backupSuffix: DAY });
    await t.writeFileAtomic('/etc/bin', binary, attrs, { backupSuffix: DAY });
    const [empty, missing, bin] = await t.readFiles(['/etc/empty', '/etc/missing', '/etc/bin']);
    expect(empty && 'content' in empty && empty.content.length).toBe(0);
    expect(missing).toBeUndefined();
    expect(bin && 'content' in bin && bin.content.equals(binary)).toBe(true);
  });

  it('handles paths with spaces and quotes', async () => {
    await t.writeFileAtomic("/etc/it's here/x y", 'ok\n', { mode: '0644', owner: me }, { backupSuffix: DAY });
    expect((await t.readFile("/etc/it's here/x y"))?.content.toString()).toBe('ok\n');
  });

  it('returns the exit code of a command rather than throwing', async () => {
    expect(await t.exec('echo out; echo err >&2; exit 4')).toEqual({ stdout: 'out\n', stderr: 'err\n', code: 4 });
  });
});

describe('the local transport and symbolic links', () => {
  let base: string;
  let root: string;
  let outside: string;
  let t: Transport;
  const attrs = { mode: '0644', owner: me };
  const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code);
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'hactl-links-'));
    root = join(base, 'lb1');
    outside = join(base, 'elsewhere');
    mkdirSync(root);
    mkdirSync(outside);
    t = localTransport({ node: 'lb1', root });
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('refuses to write through a directory link that leads out of its root, creating nothing there', async () => {
    symlinkSync(outside, join(root, 'etc'));
    expect(await code(t.writeFileAtomic('/etc/keepalived/keepalived.conf', 'x\n', attrs, { backupSuffix: DAY }))).toBe('transport-unsafe-path');
    expect(await code(t.stageFile('/etc/keepalived/keepalived.conf', 'x\n', attrs))).toBe('transport-unsafe-path');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses a node root that is itself a link elsewhere', async () => {
    rmSync(root, { recursive: true });
    symlinkSync(outside, root);
    expect(await code(t.writeFileAtomic('/etc/x.conf', 'x\n', attrs, { backupSuffix: DAY }))).toBe('transport-unsafe-path');
    expect(await t.readFiles(['/etc/x.conf'])).toEqual([{ conflict: 'outside-root' }]);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('reports such a path as a conflict when reading, without reading what lies outside', async () => {
    mkdirSync(join(outside, 'keepalived'));
    writeFileSync(join(outside, 'keepalived/keepalived.conf'), 'outside secret\n');
    symlinkSync(outside, join(root, 'etc'));
    expect(await t.readFiles(['/etc/keepalived/keepalived.conf'])).toEqual([{ conflict: 'outside-root' }]);
    expect(await code(t.readFile('/etc/keepalived/keepalived.conf'))).toBe('transport-unsafe-path');
  });

  it('never reads or writes through a link as the last component, even one pointing inside the root', async () => {
    mkdirSync(join(root, 'etc'));
    writeFileSync(join(root, 'etc/real.conf'), 'real\n');
    writeFileSync(join(outside, 'target'), 'outside\n');
    symlinkSync(join(outside, 'target'), join(root, 'etc/out.conf'));
    symlinkSync('real.conf', join(root, 'etc/in.conf'));
    expect(await t.readFiles(['/etc/out.conf', '/etc/in.conf'])).toEqual([{ conflict: 'symlink' }, { conflict: 'symlink' }]);
    for (const path of ['/etc/out.conf', '/etc/in.conf']) {
      expect(await code(t.writeFileAtomic(path, 'new\n', attrs, { backupSuffix: DAY }))).toBe('transport-unsafe-path');
      expect(await code(t.stageFile(path, 'new\n', attrs))).toBe('transport-unsafe-path');
      expect(await code(t.commitStaged({ path, tmpPath: `${join(root, path)}.hactl-tmp-000000` }, { backupSuffix: DAY }))).toBe('transport-unsafe-path');
    }
    expect(readFileSync(join(outside, 'target'), 'utf8')).toBe('outside\n');
    expect(readFileSync(join(root, 'etc/real.conf'), 'utf8')).toBe('real\n');
    expect(readlinkSync(join(root, 'etc/out.conf'))).toBe(join(outside, 'target'));
    expect(readdirSync(join(root, 'etc')).sort()).toEqual(['in.conf', 'out.conf', 'real.conf']);
  });

  it('reports a directory where a file belongs as a conflict and never moves the file into it', async () => {
    mkdirSync(join(root, 'etc/x.conf'), { recursive: true });
    expect(await t.readFiles(['/etc/x.conf'])).toEqual([{ conflict: 'not-a-file' }]);
    expect(await code(t.writeFileAtomic('/etc/x.conf', 'new\n', attrs, { backupSuffix: DAY }))).toBe('transport-unsafe-path');
    expect(readdirSync(join(root, 'etc/x.conf'))).toEqual([]);
  });

  it('follows a directory link that stays inside the root', async () => {
    mkdirSync(join(root, 'etc/heartbeat'), { recursive: true });
    symlinkSync('heartbeat', join(root, 'etc/ha.d'));
    await t.writeFileAtomic('/etc/ha.d/ha.cf', 'ok\n', attrs, { backupSuffix: DAY });
    expect(readFileSync(join(root, 'etc/heartbeat/ha.cf'), 'utf8')).toBe('ok\n');
    expect((await t.readFile('/etc/ha.d/ha.cf'))?.content.toString()).toBe('ok\n');
  });

  it('leaves temp-named files outside the root alone when cleaning up', async () => {
    writeFileSync(join(outside, 'x.conf.hactl-tmp-abc123'), 'not ours');
    symlinkSync(outside, join(root, 'etc'));
    await t.cleanupTemp(['/etc/x.conf']);
    await t.readFiles(['/etc/x.conf'], { removeTemp: true });
    expect(readdirSync(outside)).toEqual(['x.conf.hactl-tmp-abc123']);
    expect(lstatSync(join(root, 'etc')).isSymbolicLink()).toBe(true);
  });
});

describe('stat lines', () => {
  it('parses mode, owner and a nanosecond mtime with its zone', () => {
    expect(parseStatLine('600 root:root 2025-01-02 03:04:05.250000000 +0100')).toEqual({
      mode: '0600', owner: 'root:root', mtimeMs: Date.UTC(2025, 0, 2, 2, 4, 5) + 250,
    });
  });
});
