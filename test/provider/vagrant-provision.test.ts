import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';
import { root } from './vagrant-fixtures.js';

const provision = (script: string): string => join(root, 'provision', script);
const scratch = mkdtempSync(join(tmpdir(), 'hactl-provision-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const owner = `${userInfo().username}:${userInfo().gid}`;
const line = (mode: string, path: string, content: string): string => `${mode} ${owner} ${path} ${Buffer.from(content).toString('base64')}`;

describe('provision/ scripts (what plain `vagrant up` runs in each guest)', () => {
  it.skipIf(missing({ tools: ['shellcheck'] }))('pass shellcheck', async () => {
    const scripts = ['packages.sh', 'files.sh', 'services.sh', 'cluster.sh'].map(provision);
    expect((await execa('shellcheck', scripts, { reject: false })).stdout).toBe('');
  });

  it.skipIf(missing({ tools: ['dpkg-query', 'keepalived'] }))('packages.sh installs nothing when every package is there (the baked box)', async () => {
    const r = await execa('sh', [provision('packages.sh'), 'false', 'keepalived']);
    expect(r.stdout).toBe('hactl: packages present: keepalived');
  });

  it('files.sh places every file with its mode, and keeps a dated copy of one it replaces', async () => {
    const conf = join(scratch, 'etc/keepalived/keepalived.conf');
    const script = join(scratch, 'etc/keepalived/notify.sh');
    const files = [line('0600', conf, 'vrrp_instance VI_1 {}\n'), line('0755', script, '#!/bin/sh\n')].join('\n');
    expect((await execa('sh', [provision('files.sh')], { env: { HACTL_FILES: files } })).exitCode).toBe(0);
    expect(readFileSync(conf, 'utf8')).toBe('vrrp_instance VI_1 {}\n');
    expect(statSync(conf).mode & 0o777).toBe(0o600);
    expect(statSync(script).mode & 0o777).toBe(0o755);
    await execa('sh', [provision('files.sh')], { env: { HACTL_FILES: line('0600', conf, 'changed\n') } });
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    expect(readFileSync(`${conf}.${day}`, 'utf8')).toBe('vrrp_instance VI_1 {}\n');
    expect(existsSync(`${conf}.hactl-tmp`)).toBe(false);
  });

  it('cluster.sh waits until the cluster answers, then runs the step once', async () => {
    const ready = join(scratch, 'ready');
    const ran = join(scratch, 'ran');
    const step = execa('sh', [provision('cluster.sh')], {
      env: { HACTL_WAIT: `test -e ${ready}`, HACTL_RUN: `echo configured >> ${ran}`, HACTL_TIMEOUT: '30', HACTL_SETTLE: '0' },
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(existsSync(ran)).toBe(false);
    writeFileSync(ready, '');
    expect((await step).exitCode).toBe(0);
    expect(readFileSync(ran, 'utf8')).toBe('configured\n');
  });

  it('cluster.sh gives up after its timeout and says what it waited for', async () => {
    const r = await execa('sh', [provision('cluster.sh')], { reject: false, env: { HACTL_WAIT: 'false', HACTL_RUN: 'true', HACTL_TIMEOUT: '1', HACTL_SETTLE: '0' } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('cluster not ready after 1s: `false` still fails');
  });
});
