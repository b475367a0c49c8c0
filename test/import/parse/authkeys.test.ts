import { describe, expect, it } from 'vitest';
import { parseAuthkeys } from '../../../src/import/parse/authkeys.js';

describe('parseAuthkeys', () => {
  it('takes the key line auth selects, and only its first word (as heartbeat does)', () => {
    const { value, issues } = parseAuthkeys('auth 2\n1 crc\n2 sha1 Love Love VA Linux\n', 'authkeys');
    expect(value).toEqual({ method: 'sha1', key: 'Love', where: { file: 'authkeys', line: 3, column: 1 } });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['import-syntax', 'warning']]);
  });

  it('never shows the key in a message', () => {
    const { issues } = parseAuthkeys('auth 1\n1 rot13 hunter2\nhunter2 garbage\n', 'authkeys');
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.message).not.toContain('hunter2');
  });

  it('refuses a file without an auth line', () => {
    expect(parseAuthkeys('1 md5 x\n', 'authkeys').value).toBeUndefined();
  });
});
