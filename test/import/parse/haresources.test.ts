import { describe, expect, it } from 'vitest';
import { parseHaresources } from '../../../src/import/parse/haresources.js';

describe('parseHaresources', () => {
  it('splits resources at :: and joins backslash-continued lines', () => {
    const text = '# node  resources\nsv1   172.16.0.1/24/eth0 \\\n   drbddisk::r0 Filesystem::/dev/drbd0::/data::ext3   memcached\n';
    const { value, issues } = parseHaresources(text, 'haresources');
    expect(issues).toEqual([]);
    expect(value).toHaveLength(1);
    expect(value[0]!.node).toBe('sv1');
    expect(value[0]!.resources.map((r) => [r.name, r.args])).toEqual([
      ['IPaddr', ['172.16.0.1/24/eth0']],
      ['drbddisk', ['r0']],
      ['Filesystem', ['/dev/drbd0', '/data', 'ext3']],
      ['memcached', []],
    ]);
  });

  it('refuses a line with a node and no resources, at that line', () => {
    const { issues } = parseHaresources('\nsv1\n', 'haresources');
    expect(issues.map((i) => [i.code, i.location?.line])).toEqual([['import-syntax', 2]]);
  });
});
