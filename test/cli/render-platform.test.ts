import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

// `hactl render --platform` shows, without bringing anything up, what `hactl up` renders for the target's platform.
const dir = mkdtempSync(join(tmpdir(), 'hactl-render-platform-'));
const render = (stack: string, out: string, ...extra: string[]) =>
  execa('node', ['dist/cli/hactl.js', 'render', stack, '-o', join(dir, out), ...extra], { reject: false, env: { HACTL_AUTHKEY: 'k3y' } });
const manifest = (out: string) => JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8')) as { platform: string; translations: string[]; files: { node: string; path: string }[] };

describe('hactl render --platform', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('retargets seed 001 to Pacemaker 2 on corosync 3 for debian12, printing each translation and recording it in the manifest', async () => {
    const r = await render('stacks/001-web-pacemaker-heartbeat.yaml', 'debian12', '--platform', 'debian12');
    expect(r.exitCode).toBe(0);
    const printed = r.stderr.split('\n').filter((l) => l.startsWith('translated: ')).map((l) => l.slice('translated: '.length));
    const m = manifest('debian12');
    expect(m.platform).toBe('debian12');
    expect(m.translations).toEqual(printed);
    expect(printed.some((l) => /pacemaker\.messaging: cluster layer heartbeat .* → corosync 3/.test(l))).toBe(true);
    const paths = new Set(m.files.map((f) => f.path));
    expect(paths.has('/etc/corosync/corosync.conf')).toBe(true);
    expect(paths.has('/etc/ha.d/ha.cf')).toBe(false);
  });

  it('renders the stack as written, with no translation, for its own platform', async () => {
    const r = await render('stacks/001-web-pacemaker-heartbeat.yaml', 'centos6');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).not.toMatch(/^translated: /m);
    const m = manifest('centos6');
    expect(m).toMatchObject({ platform: 'centos6', translations: [] });
    expect(m.files.some((f) => f.path === '/etc/ha.d/ha.cf')).toBe(true);
  });

  it('refuses a platform it does not know, writing nothing', async () => {
    const r = await render('stacks/001-web-pacemaker-heartbeat.yaml', 'nowhere', '--platform', 'plan9');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/plan9/);
    expect(() => readFileSync(join(dir, 'nowhere', 'manifest.json'))).toThrow();
  });
});
