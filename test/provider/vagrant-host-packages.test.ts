import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { neededOn, parseDependsClosure, parseDpkgList } from '../../src/provider/vagrant/host-packages.js';
import { missing } from '../support/env.js';

describe('packages the box lacks, installed from the host', () => {
  it('reads what dpkg has installed on a guest (only ii, without the arch suffix)', () => {
    const out = 'ii  apache2\nrc  wget\nii  libc6:amd64\nun  curl\n';
    expect([...parseDpkgList(out)].sort()).toEqual(['apache2', 'libc6']);
  });

  it('sends a guest only what it lacks of the closure: wget alone when the box has every library it links', () => {
    const closure = parseDependsClosure('wget\n  Depends: libc6\n  Depends: <libgnutls30t64>\nlibc6\n  Depends: libgcc-s1\nlibgcc-s1\n<libgnutls30t64>\n');
    expect([...closure].sort()).toEqual(['libc6', 'libgcc-s1', 'wget']);
    expect(neededOn(closure, new Set(['libc6', 'libgcc-s1', 'apache2']))).toEqual(['wget']);
    expect(neededOn(closure, new Set(['libc6', 'libgcc-s1', 'wget']))).toEqual([]);
  });

  it.skipIf(missing({ tools: ['apt-cache'] }))("reads this host's real apt-cache closure of wget", async () => {
    const r = await execa('apt-cache', ['depends', '--recurse', '--no-recommends', '--no-suggests', '--no-conflicts', '--no-breaks', '--no-replaces', '--no-enhances', 'wget']);
    const closure = parseDependsClosure(r.stdout);
    expect(closure).toContain('wget');
    expect(closure).toContain('libc6');
    expect([...closure].some((p) => p.startsWith('<'))).toBe(false);
  });
});
