import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { heartbeatStack, pathsOf, severityOf } from './stacks.js';

const withFiles = (files: ClusterInput['files']): ClusterInput => ({ ...heartbeatStack(), files });

describe('files written from the stack', () => {
  it('refuses to replace the account databases, sudoers and ld.so.preload', async () => {
    const stack = withFiles(
      ['/etc/shadow', '/etc/passwd', '/etc/group', '/etc/gshadow', '/etc/sudoers', '/etc/ld.so.preload'].map((path) => ({ path, content: 'x' })),
    );
    expect(await pathsOf(stack, 'file-sensitive')).toEqual([0, 1, 2, 3, 4, 5].map((i) => `files[${i}].path`));
    expect(new Set(await severityOf(stack, 'file-sensitive'))).toEqual(new Set(['error']));
  });

  it('warns about files that grant logins or root: sudo drop-ins, PAM, sshd, authorized keys, cron', async () => {
    const paths = ['/etc/sudoers.d/ha', '/etc/pam.d/sshd', '/etc/ssh/sshd_config', '/root/.ssh/authorized_keys', '/etc/cron.d/job', '/etc/profile.d/x.sh'];
    const stack = withFiles(paths.map((path) => ({ path, content: 'x' })));
    expect(await pathsOf(stack, 'file-sensitive')).toHaveLength(paths.length);
    expect(new Set(await severityOf(stack, 'file-sensitive'))).toEqual(new Set(['warning']));
  });

  it('says nothing about an ordinary notify script or config file', async () => {
    const stack = withFiles([
      { path: '/etc/keepalived/notify.sh', content: '#!/bin/sh\n', mode: '0755' },
      { path: '/etc/sudoers.bak.txt', content: 'x' },
      { path: '/var/www/html/index.html', content: 'x', mode: '0644' },
    ]);
    expect(await pathsOf(stack, 'file-sensitive')).toEqual([]);
    expect(await pathsOf(stack, 'file-mode-unsafe')).toEqual([]);
  });

  it('rejects setuid, setgid and world-writable modes, at the mode', async () => {
    const stack = withFiles([
      { path: '/usr/local/bin/a', content: 'x', mode: '4755' },
      { path: '/usr/local/bin/b', content: 'x', mode: '2755' },
      { path: '/etc/app/c', content: 'x', mode: '0666' },
      { path: '/etc/app/d', content: 'x', mode: '1644' },
      { path: '/etc/app/e', content: 'x', mode: '775' },
    ]);
    expect(await pathsOf(stack, 'file-mode-unsafe')).toEqual(['files[0].mode', 'files[1].mode', 'files[2].mode']);
    expect(new Set(await severityOf(stack, 'file-mode-unsafe'))).toEqual(new Set(['error']));
  });
});
