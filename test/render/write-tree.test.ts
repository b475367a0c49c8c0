import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HactlError } from '../../src/diagnostics/index.js';
import type { RenderResult } from '../../src/render/render-stack.js';
import { renderStack } from '../../src/render/render-stack.js';
import { writeTree } from '../../src/render/write-tree.js';
import { env, heartbeatStack, modelOf } from '../lint/stacks.js';

const scratch = mkdtempSync(join(tmpdir(), 'hactl-write-tree-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let count = 0;
const dir = (name: string) => join(scratch, `${count++}-${name}`);
const rendered = async (): Promise<RenderResult> => renderStack(await modelOf(heartbeatStack()), { env });

/** Snapshot of a directory: relative path -> content, for "left exactly as it was". */
function contents(root: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(root, rel))) {
    const path = rel ? `${rel}/${name}` : name;
    if (statSync(join(root, path)).isDirectory()) Object.assign(out, contents(root, path));
    else out[path] = readFileSync(join(root, path), 'utf8');
  }
  return out;
}

async function refusal(out: string, keep: string[] = []): Promise<string> {
  const e = await writeTree(await rendered(), out, {}, { keep }).then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(HactlError);
  return (e as HactlError).code;
}

describe('writing a rendered tree', () => {
  it('refuses the directory that holds the stack and every directory above it, touching nothing', async () => {
    const root = dir('stack-home');
    mkdirSync(join(root, 'stacks'), { recursive: true });
    writeFileSync(join(root, 'stacks/web.yaml'), 'cluster: web\n');
    writeFileSync(join(root, 'notes.txt'), 'mine\n');
    const before = contents(root);
    const stackFile = join(root, 'stacks/web.yaml');
    for (const out of [join(root, 'stacks'), root, scratch, '/']) expect(await refusal(out, [stackFile])).toBe('output-contains-stack');
    expect(contents(root)).toEqual(before);
  });

  it('refuses a directory with files hactl did not render, and a regular file, leaving them as they were', async () => {
    const full = dir('full');
    mkdirSync(join(full, 'sub'), { recursive: true });
    writeFileSync(join(full, 'sub/data'), 'keep me\n');
    expect(await refusal(full)).toBe('output-exists');
    expect(contents(full)).toEqual({ 'sub/data': 'keep me\n' });
    const file = dir('file');
    writeFileSync(file, 'a file\n');
    expect(await refusal(file)).toBe('output-exists');
    expect(await refusal(join(file, 'below'))).toBe('output-exists');
    expect(readFileSync(file, 'utf8')).toBe('a file\n');
  });

  it('writes into an empty directory in place, keeping the directory itself', async () => {
    const out = dir('empty');
    mkdirSync(out, { mode: 0o755 });
    const inode = statSync(out).ino;
    await writeTree(await rendered(), out);
    expect(statSync(out).ino).toBe(inode);
    expect(statSync(out).mode & 0o777).toBe(0o755);
    expect(existsSync(join(out, 'sv1/etc/ha.d/ha.cf'))).toBe(true);
    expect(readdirSync(out).filter((n) => n.startsWith('.hactl-') && n !== '.hactl-render.json')).toEqual([]);
  });

  it('replaces a tree it rendered before, dropping the files it no longer renders', async () => {
    const out = dir('again');
    const first = await rendered();
    await writeTree({ ...first, files: [...first.files, { ...first.files[0]!, path: '/etc/gone.conf' }] }, out, { 'model.json': '{}\n' });
    expect(existsSync(join(out, 'sv1/etc/gone.conf'))).toBe(true);
    await writeTree(first, out, { 'model.json': '{}\n' });
    expect(existsSync(join(out, 'sv1/etc/gone.conf'))).toBe(false);
    expect(existsSync(join(out, 'sv1/etc/ha.d/ha.cf'))).toBe(true);
  });

  it('refuses a rendered tree someone added a file or a symlink to', async () => {
    const out = dir('added');
    await writeTree(await rendered(), out);
    writeFileSync(join(out, 'sv1/etc/my-notes'), 'mine\n');
    expect(await refusal(out)).toBe('output-exists');
    expect(readFileSync(join(out, 'sv1/etc/my-notes'), 'utf8')).toBe('mine\n');
    rmSync(join(out, 'sv1/etc/my-notes'));
    symlinkSync('/etc/passwd', join(out, 'sv1/link'));
    expect(await refusal(out)).toBe('output-exists');
  });

  it('replaces a tree rendered before the marker existed, known by its manifest', async () => {
    const out = dir('legacy');
    await writeTree(await rendered(), out, { 'model.json': '{}\n' });
    rmSync(join(out, '.hactl-render.json'));
    await writeTree(await rendered(), out, { 'model.json': '{}\n' });
    expect(existsSync(join(out, '.hactl-render.json'))).toBe(true);
  });

  it('creates a missing directory and its parents', async () => {
    const out = join(dir('missing'), 'a', 'b');
    await writeTree(await rendered(), out);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });

  it('never writes outside the tree, whatever path a file claims', async () => {
    const out = dir('escape');
    const result = await rendered();
    const evil = { ...result, files: [{ ...result.files[0]!, node: 'sv1', path: '/../../../escaped' }] };
    await expect(writeTree(evil, out)).rejects.toBeInstanceOf(HactlError);
    expect(existsSync(join(scratch, 'escaped'))).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});
