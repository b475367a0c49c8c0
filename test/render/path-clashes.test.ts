import { describe, expect, it } from 'vitest';
import { HactlError } from '../../src/diagnostics/index.js';
import type { ClusterInput } from '../../src/model/cluster.js';
import type { Renderer } from '../../src/render/artifact.js';
import { renderStack } from '../../src/render/render-stack.js';
import { env, heartbeatStack, modelOf, pacemakerStack } from '../lint/stacks.js';

async function renderErrors(stack: ClusterInput, renderers?: Renderer[]): Promise<string[]> {
  try {
    renderStack(await modelOf(stack), { env, ...(renderers ? { renderers } : {}) });
    return [];
  } catch (e) {
    if (!(e instanceof HactlError)) throw e;
    return e.diagnostics.map((d) => `${d.code} ${d.path}`);
  }
}

const withFiles = (files: ClusterInput['files'], stack = heartbeatStack()): ClusterInput => ({ ...stack, files });

describe('rendered paths', () => {
  it('reports a files: entry that lands on a file hactl renders, once, on the entry', async () => {
    expect(await renderErrors(withFiles([{ path: '/etc/ha.d/ha.cf', content: 'x' }]))).toEqual(['file-clash files[0].path']);
  });

  it('reports a file whose path another file needs as a directory, either way round', async () => {
    expect(await renderErrors(withFiles([{ path: '/etc/app', content: 'x' }, { path: '/etc/app/conf', content: 'y' }]))).toEqual(['file-clash files[1].path']);
    expect(await renderErrors(withFiles([{ path: '/etc/app/conf', content: 'y' }, { path: '/etc/app', content: 'x' }]))).toEqual(['file-clash files[1].path']);
    expect(await renderErrors(withFiles([{ path: '/etc/ha.d', content: 'x' }]))).toEqual(['file-clash files[0].path']);
  });

  it('lets two entries share a path on different nodes', async () => {
    const files = [
      { path: '/etc/app.conf', content: 'a', nodes: ['sv1'] },
      { path: '/etc/app.conf', content: 'b', nodes: ['sv2'] },
    ];
    expect(await renderErrors(withFiles(files))).toEqual([]);
  });

  it('reports an apache document root whose index.html lands below a rendered file, on documentRoot', async () => {
    const stack = pacemakerStack();
    const group = stack.resources![0] as { members: Record<string, unknown>[] };
    group.members.push({ apache: { configfile: '/etc/httpd/conf/httpd.conf', statusurl: 'http://192.168.1.101/', documentRoot: '/etc/ha.d/ha.cf', indexHtml: true } });
    expect(await renderErrors(stack)).toEqual([`file-clash resources[0].members[${group.members.length - 1}].apache.documentRoot`]);
  });

  it('writes index.html of a document root given with a trailing slash at one canonical path', async () => {
    const stack = pacemakerStack();
    const group = stack.resources![0] as { members: Record<string, unknown>[] };
    group.members.push({ apache: { configfile: '/etc/httpd/conf/httpd.conf', statusurl: 'http://192.168.1.101/', documentRoot: '/srv/www/', indexHtml: true } });
    const files = renderStack(await modelOf(stack), { env }).files.filter((f) => f.renderer === 'apache');
    expect(files.map((f) => f.path)).toContain('/srv/www/index.html');
  });

  it('calls a clash between two of hactl’s own files a renderer bug', async () => {
    const twin = (id: string): Renderer => ({
      id,
      description: id,
      applies: () => true,
      render: () => [{ node: 'sv1', path: '/etc/same', content: id, mode: '0644', owner: 'root:root' }],
    });
    expect(await renderErrors(heartbeatStack(), [twin('a'), twin('b')])).toEqual(['render-failed undefined']);
  });

  it('refuses a path that leaves / or holds a control character, whoever produced it', async () => {
    const bad = (path: string): Renderer => ({
      id: 'bad',
      description: 'bad',
      applies: () => true,
      render: () => [{ node: 'sv1', path, content: '', mode: '0644', owner: 'root:root' }],
    });
    expect(await renderErrors(heartbeatStack(), [bad('/../../etc/x')])).toEqual(['render-failed undefined']);
    expect(await renderErrors(heartbeatStack(), [bad('/etc/a\nb')])).toEqual(['render-failed undefined']);
    expect(await renderErrors(heartbeatStack(), [bad('/')])).toEqual(['render-failed undefined']);
  });
});
