import { afterAll, describe, expect, it } from 'vitest';
import { keepalivedChecker, scriptsIn } from '../../../src/tool-check/checkers/keepalived.js';
import { withNetns } from '../../../src/tool-check/throwaway-netns.js';
import { runChecks } from '../../../src/tool-check/run-checks.js';
import { HactlError } from '../../../src/diagnostics/index.js';
import type { ClusterInput } from '../../../src/model/cluster.js';
import { kaCommand, kaPassword, kaProgram, kaWord } from '../../../src/render/escape/keepalived.js';
import { extraFilesRenderer } from '../../../src/render/extra-files/index.js';
import { keepalivedRenderer } from '../../../src/render/keepalived/index.js';
import { missing } from '../../support/env.js';
import { fileOf, leftoverNetns, modelOf, render } from '../render-variants.js';

const CONF = '/etc/keepalived/keepalived.conf';

function refusal(fn: () => unknown): { code: string; path?: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof HactlError) return { code: e.code, path: e.diagnostics[0]!.path, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('keepalived quoting', () => {
  it('writes a plain path bare, as the seed does', () => {
    expect(kaProgram('/etc/keepalived/hoge.sh', 'n')).toBe('/etc/keepalived/hoge.sh');
  });

  it('keeps a path with a space one program: single quotes inside the double-quoted value', () => {
    expect(kaProgram('/etc/keepalived/my notify.sh', 'n')).toBe(`"'/etc/keepalived/my notify.sh'"`);
  });

  it('re-writes a track command line word by word', () => {
    expect(kaCommand('/usr/bin/curl -fs http://127.0.0.1/', 's')).toBe('"/usr/bin/curl -fs http://127.0.0.1/"');
    expect(kaCommand(`'/etc/keepalived/my check.sh' --quiet`, 's')).toBe(`"'/etc/keepalived/my check.sh' --quiet"`);
    expect(kaCommand('/usr/bin/pidof haproxy;reboot', 's')).toBe(`"/usr/bin/pidof 'haproxy;reboot'"`);
  });

  it.each([
    ['a line break', () => kaWord('localhost\n}\nvrrp_script evil {', 'keepalived.smtpServer'), 'keepalived.smtpServer'],
    ['a line break in a notify path', () => kaProgram('/etc/keepalived/b.sh\n    notify_backup /tmp/evil.sh', 'vrrp[0].notify.backup'), 'vrrp[0].notify.backup'],
    ['a space in a word', () => kaWord('ops@example.com script_user', 'keepalived.notificationEmail[0]'), 'keepalived.notificationEmail[0]'],
    ['a double quote', () => kaCommand('/bin/check "x"', 'keepalived.scripts.c.script'), 'keepalived.scripts.c.script'],
    ['an open single quote', () => kaCommand(`'/bin/check x`, 'keepalived.scripts.c.script'), 'keepalived.scripts.c.script'],
    ['a comment character', () => kaProgram('/etc/keepalived/a #b.sh', 'vrrp[0].notify.master'), 'vrrp[0].notify.master'],
    ['a definition reference', () => kaProgram('/etc/keepalived/$X.sh', 'vrrp[0].notify.master'), 'vrrp[0].notify.master'],
  ])('refuses %s with the field path', (_what, fn, path) => {
    expect(refusal(fn)).toMatchObject({ code: 'render-unsafe-value', path });
  });

  it('refuses a password it cannot write as one word, without showing it', () => {
    const r = refusal(() => kaPassword('a b', 'vrrp[0].auth.passFrom'));
    expect(r).toMatchObject({ code: 'render-unsafe-value', path: 'vrrp[0].auth.passFrom' });
    expect(r.message).not.toContain('a b');
  });

  it('lets the checker find a quoted program with a space', () => {
    expect(scriptsIn(`    notify_master "'/etc/keepalived/my notify.sh'"\n    script "/bin/true -x"\n`)).toEqual(['/etc/keepalived/my notify.sh', '/bin/true']);
  });
});

// Writes its argv, one [word] each, so the test sees exactly what keepalived ran.
const recorder = (out: string) => `#!/bin/sh\nprintf '[%s]' "$0" "$@" > ${out}\n`;

function spacedStack(): ClusterInput {
  return {
    cluster: 'spaces',
    runtime: 'keepalived',
    platform: 'debian12',
    nodes: { lb1: { nics: { eth0: '192.168.7.11/24' } }, lb2: { nics: { eth0: '192.168.7.12/24' } } },
    keepalived: { scripts: { chk: { script: `'/etc/keepalived/my check.sh' --quiet`, interval: '1s' } } },
    vrrp: [
      {
        name: 'VI_1',
        interface: 'eth0',
        vrid: 61,
        advertInt: '1s',
        nodes: { lb1: { state: 'MASTER', priority: 150 }, lb2: { state: 'BACKUP', priority: 100 } },
        vips: ['192.168.7.10/24'],
        notify: { master: '/etc/keepalived/my notify.sh' },
        track: ['chk'],
      },
    ],
    files: [
      { path: '/etc/keepalived/my notify.sh', mode: '0755', content: recorder('/etc/keepalived/notify.argv') },
      { path: '/etc/keepalived/my check.sh', mode: '0755', content: recorder('/etc/keepalived/check.argv') },
    ],
  };
}

const skip = missing({ root: true, tools: ['keepalived', 'ip', 'unshare'] });

describe.skipIf(skip)('keepalived runs scripts whose paths have spaces as one program', () => {
  afterAll(() => expect(leftoverNetns()).toEqual([]));

  it('passes keepalived -t and, running for real, calls the notify and track scripts with the right argv', async () => {
    const model = await modelOf(spacedStack());
    const conf = fileOf(render(model, keepalivedRenderer), 'lb1', CONF);
    const scripts = render(model, extraFilesRenderer).filter((f) => f.node === 'lb1');
    const [checked] = await runChecks(model, [conf], [keepalivedChecker]);
    expect(checked, checked?.message).toMatchObject({ ok: true });

    // keepalived becomes MASTER after three silent advert intervals, runs notify_master, and runs the track script every second
    const run = [
      'keepalived -n -G -f /etc/keepalived/keepalived.conf -p /run/k.pid -r /run/v.pid -c /run/c.pid >/dev/null 2>&1 &',
      'pid=$!',
      'for i in $(seq 1 100); do [ -s /etc/keepalived/notify.argv ] && [ -s /etc/keepalived/check.argv ] && break; sleep 0.1; done',
      'kill $pid; wait $pid',
      'echo "notify $(cat /etc/keepalived/notify.argv)"; echo "check $(cat /etc/keepalived/check.argv)"',
    ].join('\n');
    const files = [conf, ...scripts].map((f) => ({ path: f.path, content: f.content, mode: Number.parseInt(f.mode, 8) }));
    const r = await withNetns([{ name: 'eth0', addresses: ['192.168.7.11/24'] }], (ns) => ns.run(['sh', '-c', run], { hostname: 'lb1', files, timeoutMs: 20_000 }));
    expect(r.stdout.trim().split('\n'), r.stderr).toEqual(['notify [/etc/keepalived/my notify.sh]', 'check [/etc/keepalived/my check.sh][--quiet]']);
  });
});
