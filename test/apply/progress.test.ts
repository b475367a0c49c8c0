import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createApplyProgress } from '../../src/apply/progress.js';
import { fixtureFiles, keepalivedModel } from './fixtures.js';

describe('apply progress', () => {
  it('prints one plain line per event when not on a terminal', async () => {
    const model = await keepalivedModel(2);
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (b: Buffer) => { text += b.toString(); });
    const progress = createApplyProgress({ model, result: { files: fixtureFiles(model) }, stream: stream as unknown as NodeJS.WriteStream, tty: false });
    progress.onEvent({ type: 'node-start', node: 'n1', via: 'n1', files: 4 });
    progress.onEvent({ type: 'file-written', node: 'n1', path: '/etc/a', action: 'update', backup: '/etc/a.20250102' });
    progress.onEvent({ type: 'service-reloaded', node: 'n1', service: 'keepalived', action: 'reload' });
    progress.onEvent({ type: 'node-failed', node: 'n2', error: { code: 'apply-check-failed', message: 'bad', path: '/etc/k', tool: 'keepalived -t' } });
    await progress.done();
    expect(text.split('\n').filter(Boolean)).toEqual([
      '[n1] start: 4 files',
      '[n1] updated /etc/a (backup /etc/a.20250102)',
      '[n1] reloaded keepalived',
      '[n2] FAILED at /etc/k (keepalived -t): bad',
    ]);
  });

  it('drives a listr2 task list on a terminal and finishes even for nodes that never reported', async () => {
    const model = await keepalivedModel(2);
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (b: Buffer) => { text += b.toString(); });
    const progress = createApplyProgress({ model, result: { files: fixtureFiles(model) }, stream: stream as unknown as NodeJS.WriteStream, tty: true });
    progress.onEvent({ type: 'node-start', node: 'n1', via: 'n1', files: 4 });
    progress.onEvent({ type: 'node-done', node: 'n1', changed: 1, services: 1 });
    progress.onEvent({ type: 'node-failed', node: 'n2', error: { code: 'x', message: 'boom' } });
    await expect(progress.done()).resolves.toBeUndefined();
    expect(text).toContain('n1: done: 1 file changed, 1 service');
    expect(text).toContain('n2');
    expect(text).toContain('boom');
  });

  it('writes to stderr unless given a stream, leaving stdout to the command’s result (apply --json)', async () => {
    const model = await keepalivedModel(2);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const progress = createApplyProgress({ model, result: { files: fixtureFiles(model) }, tty: false });
      progress.onEvent({ type: 'node-start', node: 'n1', via: 'n1', files: 4 });
      await progress.done();
      expect(stdout).not.toHaveBeenCalled();
      expect(stderr).toHaveBeenCalledWith('[n1] start: 4 files\n');
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });
});
