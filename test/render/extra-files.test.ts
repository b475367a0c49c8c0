import { describe, expect, it } from 'vitest';
import { loadStack } from '../../src/load/load-stack.js';
import { renderStack } from '../../src/render/render-stack.js';

describe('files listed in the stack', () => {
  it('renders seed 002’s notify scripts on both nodes, executable and checked as shell', async () => {
    const { model } = await loadStack('stacks/002-vrrp-keepalived.yaml');
    const files = renderStack(model!, { env: { HACTL_VRRP_PASS: '1111' } }).files.filter((f) => f.renderer === 'extra-files');
    expect(files.map((f) => `${f.node}:${f.path}:${f.mode}:${f.checker}`).sort()).toEqual([
      'lb1:/etc/keepalived/hage.sh:0755:shell',
      'lb1:/etc/keepalived/hoge.sh:0755:shell',
      'lb2:/etc/keepalived/hage.sh:0755:shell',
      'lb2:/etc/keepalived/hoge.sh:0755:shell',
    ]);
    expect(files[0]!.content).toMatch(/^#!\/bin\/sh\n/);
  });

  it('puts a file only on the nodes it names', async () => {
    const { model } = await loadStack('stacks/002-vrrp-keepalived.yaml');
    model!.files = [{ ...model!.files[0]!, nodes: ['lb2'] }];
    const files = renderStack(model!, { env: { HACTL_VRRP_PASS: '1111' } }).files.filter((f) => f.renderer === 'extra-files');
    expect(files.map((f) => f.node)).toEqual(['lb2']);
  });
});
