import { describe, expect, it } from 'vitest';
import type { LayoutMember } from '../../src/netns/layout.js';
import { hactlPaths, hiddenIn } from '../../src/netns/shared-paths.js';
import { packageRoot } from '../../src/package-root.js';

const node = (privateDirs: string[] = []): LayoutMember => ({ name: 'n1', kind: 'node', netns: 'hactl-t.n1', isolateFs: true, privateDirs, nics: [] });

describe('hactl files a lab node must see', () => {
  it('are the package root and the node binary running hactl', () => {
    const paths = hactlPaths();
    expect(paths[0]).toEqual({ path: packageRoot(), kind: 'dir' });
    expect(paths).toContainEqual({ path: process.execPath, kind: 'file' });
  });

  it('are bound into a node only when a private directory of the node hides them', () => {
    const candidates = [
      { path: '/tmp/hactl-copy', kind: 'dir' as const },
      { path: '/run/user/0/node/bin/node', kind: 'file' as const },
      { path: '/srv/extra/node', kind: 'file' as const },
      { path: '/usr/lib/node_modules/hactl', kind: 'dir' as const },
      { path: '/tmpfoo/hactl', kind: 'dir' as const },
    ];
    expect(hiddenIn(node(), candidates).map((c) => c.path)).toEqual(['/tmp/hactl-copy', '/run/user/0/node/bin/node']);
    expect(hiddenIn(node(['/srv/extra']), candidates).map((c) => c.path)).toContain('/srv/extra/node');
  });

  it('are never bound into a client, which shares the host filesystem', () => {
    expect(hiddenIn({ ...node(), kind: 'client', isolateFs: false }, [{ path: '/tmp/hactl-copy', kind: 'dir' }])).toEqual([]);
  });
});
